/**
 * 下载修正副本: the dropped workbook with the fixes applied in the pane, written by the same
 * minimal-edit writer as the CLI's --fix (every part but the corrected cells byte for byte). The
 * file is made and saved in the browser; nothing is sent anywhere.
 */
import { useState } from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { REVERT_LOG_KEY, type MemoryHost } from "../adapters/memory/memory-host";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function DownloadFixed({ host, name, original }: { host: MemoryHost; name: string; original: Uint8Array }) {
  const styles = useStyles();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const download = async () => {
    setMessage(null);
    const { appliedEdits, fixedCopy, fixedCopyName } = await import(/* webpackChunkName: "fixed-copy" */ "../adapters/xlsx/fixed-copy-browser");
    const edits = appliedEdits(host.settings.get(REVERT_LOG_KEY), host.workbook);
    if (edits.length === 0) {
      setMessage({ text: "还没有应用任何修正 · No fixes applied yet", error: true });
      return;
    }
    const result = fixedCopy(original, edits);
    if (!result.ok) {
      setMessage({ text: `${result.message.zh} / ${result.message.en}`, error: true });
      return;
    }
    const url = URL.createObjectURL(new Blob([result.bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fixedCopyName(name);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setMessage({ text: `已生成 ${fixedCopyName(name)}：修正 ${result.applied.length} 处，其余内容与原文件相同 · ${result.applied.length} cells corrected, everything else as in the original`, error: false });
  };
  return (
    <div className={styles.row}>
      <Button size="small" appearance="primary" onClick={() => void download()} data-testid="download-fixed">下载修正副本 Download the corrected copy</Button>
      {message && <Caption1 className={message.error ? styles.error : undefined} role={message.error ? "alert" : "status"}>{message.text}</Caption1>}
    </div>
  );
}
