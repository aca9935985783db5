/**
 * The browser demo host: the same pane as in Excel, backed by the in-memory workbook of the
 * bundled sample, with a read-only grid beside it. No Office, no network.
 */
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme, makeStyles, tokens, Caption1 } from "@fluentui/react-components";
import { App } from "../taskpane/components/App";
import { localPreferenceStore } from "../taskpane/preferences";
import { MemoryHost } from "../adapters/memory/memory-host";
import { MemoryWorkbook } from "../adapters/memory/memory-workbook";
import { zhuzhouLuosongNpc2023 } from "../samples/zhuzhou-luosong-npc-2023";
import type { WorkbookSnapshot } from "../core";
import { DemoGrid } from "./DemoGrid";
import { DropZone } from "./DropZone";
import "../taskpane/no-eval";

const useStyles = makeStyles({
  page: { display: "flex", gap: tokens.spacingHorizontalL, padding: tokens.spacingHorizontalM, alignItems: "flex-start" },
  pane: { width: "320px", flexShrink: 0, border: `1px solid ${tokens.colorNeutralStroke1}`, maxHeight: "calc(100vh - 24px)", overflowY: "auto" },
  right: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0, flexGrow: 1 },
});

function Demo() {
  const styles = useStyles();
  const [host, setHost] = useState(() => new MemoryHost(MemoryWorkbook.fromSpec(zhuzhouLuosongNpc2023)));
  const [name, setName] = useState("zhuzhou-luosong-npc-2023.xlsx");
  const load = (snapshot: WorkbookSnapshot, fileName: string) => {
    setHost(new MemoryHost(new MemoryWorkbook(snapshot)));
    setName(fileName);
  };
  return (
    <div className={styles.page}>
      <aside className={styles.pane} aria-label="任务窗格 Task pane" data-testid="pane">
        <App key={name} host={host} preferences={localPreferenceStore()} />
      </aside>
      <div className={styles.right}>
        <Caption1 data-testid="workbook-name">{name}</Caption1>
        <DropZone onLoad={load} />
        <DemoGrid key={name} host={host} />
      </div>
    </div>
  );
}

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <Demo />
      </FluentProvider>
    </StrictMode>,
  );
}
