/** The .xlsx adapter (Node): files in, snapshots out; fixes written to a new file only. */
export {
  readXlsx,
  readFailure,
  sniffBytes,
  snapshotFromWorkbook,
  READ_FAILURE_MESSAGES,
  type XlsxReadResult,
  type XlsxReadFailure,
  type XlsxReadFailureReason,
} from "./read-xlsx";
export {
  writeFixedCopy,
  writeSpecToXlsx,
  type WriteResult,
  type WriteFailureReason,
  type WriteOptions,
  type SpecStyleOptions,
} from "./write-xlsx";
