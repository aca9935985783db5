/**
 * The browser demo host: the same pane as in Excel, backed by the in-memory workbook of the
 * bundled sample, with an editable grid beside it (a user edit re-checks the pane by itself).
 * No Office, no network.
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
import { DownloadFixed } from "./DownloadFixed";
import "../taskpane/no-eval";

const useStyles = makeStyles({
  page: {
    display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, padding: tokens.spacingHorizontalM, alignItems: "flex-start",
    // A window no wider than a task pane shows the pane edge to edge, as Excel does.
    "@media (max-width: 480px)": { padding: 0 },
  },
  // A task pane's width (Excel's default is 320–350 px); on a phone-sized window, the whole width.
  pane: {
    flexShrink: 0, maxWidth: "100%", boxSizing: "border-box",
    border: `1px solid ${tokens.colorNeutralStroke1}`, maxHeight: "calc(100vh - 24px)", overflowY: "auto",
  },
  right: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: "280px", flexGrow: 1, flexBasis: "400px" },
});

/** The pane's width: ?pane=350 tries another task pane width (280–600 px); default 320. */
function paneWidth(): number {
  const asked = Number(new URLSearchParams(location.search).get("pane"));
  return Number.isInteger(asked) && asked >= 280 && asked <= 600 ? asked : 320;
}

function Demo() {
  const styles = useStyles();
  const [host, setHost] = useState(() => new MemoryHost(MemoryWorkbook.fromSpec(zhuzhouLuosongNpc2023)));
  const [name, setName] = useState("zhuzhou-luosong-npc-2023.xlsx");
  // The dropped file's bytes: the corrected copy is that file with the fixed cells edited.
  const [original, setOriginal] = useState<Uint8Array | null>(null);
  const [dropped, setDropped] = useState(false);
  const load = (snapshot: WorkbookSnapshot, fileName: string, bytes: Uint8Array | null) => {
    setHost(new MemoryHost(new MemoryWorkbook(snapshot)));
    setName(fileName);
    setOriginal(bytes);
    setDropped(true);
  };
  return (
    <div className={styles.page}>
      <aside className={styles.pane} style={{ width: `${paneWidth()}px` }} aria-label="任务窗格 Task pane" data-testid="pane">
        <App key={name} host={host} preferences={localPreferenceStore()} embedded />
      </aside>
      <div className={styles.right}>
        <Caption1 data-testid="workbook-name">{name}</Caption1>
        <DropZone onLoad={load} />
        {dropped && <DownloadFixed key={name} host={host} name={name} original={original} />}
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
