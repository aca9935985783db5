/**
 * 下载修正副本: the dropped workbook with the fixes applied in the pane, written by the same
 * minimal-edit writer as the CLI's --fix (every part but the corrected cells byte for byte). The
 * file is made and saved in the browser; nothing is sent anywhere.
 */
import { useState } from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { REVERT_LOG_KEY, type MemoryHost } from "../adapters/memory/memory-host";
import { REPORT_SHEET } from "../host/ports";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * `original`: the dropped file's bytes (the copy edits only its corrected cells); null for a
 * workbook made from a Word report's tables, which is written afresh with the fixes in it.
 */
export function DownloadFixed({ host, name, original }: { host: MemoryHost; name: string; original: Uint8Array | null }) {
  const styles = useStyles();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const download = async () => {
    setMessage(null);
    const { appliedEdits, fixedCopy, fixedCopyName } = await import(/* webpackChunkName: "fixed-copy" */ "../adapters/xlsx/fixed-copy-browser");
    if (original === null) {
      const { workbookBytes } = await import(/* webpackChunkName: "fixed-copy" */ "../adapters/xlsx/workbook-bytes");
      save(workbookBytes(host.workbook.read()), name);
      setMessage({ text: `已生成 ${name}（报告中的附件表，含已应用的修正）· the report's tables, with the fixes applied`, error: false });
      return;
    }
    const edits = appliedEdits(host.settings.get(REVERT_LOG_KEY), host.workbook);
    if (edits.length === 0) {
      setMessage({ text: "还没有应用任何修正 · No fixes applied yet", error: true });
      return;
    }
    let result: ReturnType<typeof fixedCopy>;
    try {
      result = fixedCopy(original, edits);
    } catch (error) {
      setMessage({ text: `未生成：${error instanceof Error ? error.message : String(error)} / Not made`, error: true });
      return;
    }
    if (!result.ok) {
      setMessage({ text: `${result.message.zh} / ${result.message.en}`, error: true });
      return;
    }
    save(result.bytes, fixedCopyName(name));
    setMessage({ text: `已生成 ${fixedCopyName(name)}：修正 ${result.applied.length} 处，其余内容与原文件相同 · ${result.applied.length} cells corrected, everything else as in the original`, error: false });
  };
  // The 校验报告 the pane inserted (更多 → 插入校验报告), as a file of its own: the corrected copy
  // stays the original with only its corrected cells changed.
  const downloadReport = async () => {
    setMessage(null);
    const sheet = host.workbook.sheet(REPORT_SHEET);
    if (!sheet) {
      setMessage({ text: "请先在任务窗格中点 更多 → 插入校验报告 · First insert the check report from the pane (More → Insert check report)", error: true });
      return;
    }
    const { workbookBytes } = await import(/* webpackChunkName: "fixed-copy" */ "../adapters/xlsx/workbook-bytes");
    const reportName = `${name.replace(/\.(xlsx|xlsm)$/i, "")}-校验报告.xlsx`;
    save(workbookBytes({ sheets: [sheet] }), reportName);
    setMessage({ text: `已生成 ${reportName} · check report saved`, error: false });
  };
  return (
    <div className={styles.row}>
      <Button size="small" appearance="primary" onClick={() => void download()} data-testid="download-fixed">{original === null ? "下载工作簿 Download the workbook" : "下载修正副本 Download the corrected copy"}</Button>
      <Button size="small" onClick={() => void downloadReport()} data-testid="download-report">下载校验报告 Download the check report</Button>
      {message && <Caption1 className={message.error ? styles.error : undefined} role={message.error ? "alert" : "status"}>{message.text}</Caption1>}
    </div>
  );
}

/** Offers the bytes as a download named `name` (made in the page; nothing is sent). */
function save(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
