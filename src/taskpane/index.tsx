/**
 * The task pane inside Excel: boot only. office-loader.js has put `Office` on the page (from
 * Microsoft's CDN, or the local copy when the CDN is unreachable); once Office is ready the pane
 * renders with the Office.js host.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { localPreferenceStore } from "./preferences";
import { createOfficeHost } from "../adapters/office";
import { whenOfficeLoaded } from "./office-ready";
import "./no-eval";

function render(): void {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={createOfficeHost()} preferences={localPreferenceStore()} />
    </FluentProvider>,
  );
}

void whenOfficeLoaded().then((office) => {
  if (office) {
    void office.onReady((info) => {
      if (info.host === office.HostType.Excel) render();
      else {
        const container = document.getElementById("root");
        if (container) container.textContent = "此加载项需在 Excel 中运行；无 Office 时请使用演示页（npm run demo）。This add-in runs in Excel; without Office use the demo (npm run demo).";
      }
    });
  }
  else {
    const container = document.getElementById("root");
    if (container) container.textContent = "无法加载 Office.js：请检查网络或联系管理员。Office.js could not be loaded: check the network or ask IT.";
  }
});
