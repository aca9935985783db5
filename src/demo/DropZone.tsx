/** Load another .xlsx into the demo: drop it here or pick it with the file dialog. */
import { useRef, useState, type DragEvent } from "react";
import { Button, Caption1, makeStyles, shorthands, tokens } from "@fluentui/react-components";
import type { WorkbookSnapshot } from "../core";

const useStyles = makeStyles({
  zone: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    flexWrap: "wrap",
  },
  over: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * What was dropped: a workbook (with its bytes, for the corrected copy) or a Word report, whose
 * tables become the sheets of a new workbook (no bytes: its download is written afresh).
 */
export function DropZone({ onLoad }: { onLoad: (snapshot: WorkbookSnapshot, name: string, bytes: Uint8Array | null) => void }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    // exceljs is large: loaded only when someone drops a file.
    const { readXlsxBytes } = await import(/* webpackChunkName: "xlsx-reader" */ "../adapters/xlsx/read-bytes");
    const buffer = await file.arrayBuffer();
    const { readReportTables } = await import(/* webpackChunkName: "xlsx-reader" */ "./report-tables");
    const report = readReportTables(new Uint8Array(buffer));
    if (report !== null) {
      if (report.ok) onLoad(report.snapshot, file.name.replace(/\.docx$/i, "") + "-附件表.xlsx", null);
      else setError(`${report.message.zh} / ${report.message.en}`);
      return;
    }
    const result = await readXlsxBytes(buffer);
    if (result.ok) onLoad(result.snapshot, file.name, new Uint8Array(buffer));
    else setError(`${result.message.zh} / ${result.message.en}`);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    void open(event.dataTransfer.files[0]);
  };
  return (
    <div
      className={`${styles.zone} ${over ? styles.over : ""}`}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
    >
      <Caption1>把其他单位的 .xlsx 或 Word 报告（.docx）拖到这里 · Drop another .xlsx or a Word report here</Caption1>
      <Button size="small" onClick={() => input.current?.click()}>选择文件 Choose file</Button>
      <input ref={input} type="file" accept=".xlsx,.xlsm,.docx" hidden aria-hidden="true" tabIndex={-1} onChange={(e) => void open(e.target.files?.[0])} data-testid="file-input" />
      {error && <Caption1 className={styles.error} role="alert">{error}</Caption1>}
    </div>
  );
}
