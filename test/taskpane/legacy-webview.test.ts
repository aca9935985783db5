/**
 * @jest-environment jsdom
 */
// A pane opened in an old Office's web view (IE 11 / EdgeHTML: Excel 2016 and 2019 on Windows)
// cannot run the add-in: office-loader says so in Chinese and English and links to the web checker
// whose address the build wrote into the page (issue 15). The link is only ever http(s).

function loadIn(userAgent: string, webChecker: string | null): HTMLElement {
  jest.resetModules();
  Object.defineProperty(window.navigator, "userAgent", { value: userAgent, configurable: true });
  document.head.innerHTML = webChecker === null ? "" : `<meta name="web-checker" content="${webChecker}">`;
  document.body.innerHTML = `<div id="root"></div>`;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the loader runs on load, as in the page
    require("../../src/taskpane/office-loader");
  });
  return document.getElementById("root")!;
}

const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko";
const EDGE_HTML = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041";

test.each([["IE 11 (Excel 2016)", IE11], ["EdgeHTML (Excel 2019)", EDGE_HTML]])("%s: what to do instead, with a link to the web checker", (_name, agent) => {
  const root = loadIn(agent, "https://intranet.example/annex-checker/index.html");
  expect(root.textContent).toContain("请改用网页版校验");
  expect(root.textContent).toContain("use the web checker instead");
  const link = root.querySelector("a")!;
  expect(link.href).toBe("https://intranet.example/annex-checker/index.html");
  expect(link.textContent).toBe("网页版校验 / Web checker");
});

test("without a build-time address the link is the web checker beside the pane; a script URL is never used", () => {
  expect(loadIn(IE11, null).querySelector("a")!.getAttribute("href")).toMatch(/index\.html$/);
  // eslint-disable-next-line no-script-url -- the hostile value under test
  expect(loadIn(IE11, "javascript:alert(1)").querySelector("a")!.getAttribute("href")).toBe("index.html");
});

test("a current web view (WebView2) gets no message: the loader loads Office.js", () => {
  const root = loadIn("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0", null);
  expect(root.textContent).toBe("");
});
