/** The .xlsx adapter (Node): files in, snapshots out; fixes written to a new file only. */
export { readXlsx } from "./read-xlsx";
export {
  readFailure,
  sniffBytes,
  READ_FAILURE_MESSAGES,
  type XlsxReadResult,
  type XlsxReadFailure,
  type XlsxReadFailureReason,
} from "./sniff";
export { snapshotFromWorkbook } from "./snapshot";
export {
  writeFixedCopy,
  writeSpecToXlsx,
  type WriteResult,
  type WriteFailureReason,
  type WriteOptions,
  type SpecStyleOptions,
} from "./write-xlsx";
