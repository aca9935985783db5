// mammoth ships types for its Node entry only; its browser bundle has the same API.
declare module "mammoth/mammoth.browser" {
  interface MammothBrowser {
    extractRawText(input: { arrayBuffer: ArrayBuffer }): Promise<{ value: string; messages: readonly unknown[] }>;
  }
  const mammoth: MammothBrowser;
  export default mammoth;
}
