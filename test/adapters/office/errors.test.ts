import { hostErrorFromOffice, officeErrorCode, OFFICE_ERROR_MESSAGES } from "../../../src/adapters/office";
import type { HostErrorCode } from "../../../src/host/ports";
import { FakeOfficeError } from "../../fakes/excel-fake";

/** Every code the brief and the guide name, with the HostError code it must map to. */
const EXPECTED: [string, HostErrorCode][] = [
  ["ItemNotFound", "sheet-missing"],
  ["InvalidArgument", "unknown"],
  ["AccessDenied", "access-denied"],
  ["NotAllowed", "access-denied"],
  ["InvalidOperation", "busy"],
  ["InvalidOperationInCellEditMode", "busy"],
  ["InactiveWorkbook", "busy"],
  ["SearchDialogIsOpen", "busy"],
  ["InvalidSelection", "busy"],
  ["RequestAborted", "busy"],
  ["OperationAborted", "busy"],
  ["Timeout", "busy"],
  ["ServiceNotAvailable", "busy"],
  ["ConnectionFailure", "busy"],
  ["InvalidState", "busy"],
  ["RequestPayloadSizeLimitExceeded", "too-large"],
  ["ResponsePayloadSizeLimitExceeded", "too-large"],
  ["RangeExceedsLimit", "too-large"],
  ["OperationCellsExceedLimit", "too-large"],
  ["RangeImageExceedsLimit", "too-large"],
  ["FormulaLengthExceedsLimit", "too-large"],
  ["ActivityLimitReached", "too-large"],
  ["Conflict", "conflict"],
  ["InsertDeleteConflict", "conflict"],
  ["ItemAlreadyExists", "conflict"],
  ["DirtySupportingFormula", "conflict"],
  ["MergedRangeConflict", "unknown"],
  ["FilteredRangeConflict", "unknown"],
  ["PivotTableRangeConflict", "unknown"],
  ["NonBlankCellOffSheet", "unknown"],
  ["InvalidReference", "unknown"],
  ["InvalidBinding", "unknown"],
  ["UnsupportedSheet", "not-supported"],
  ["ApiNotFound", "not-supported"],
  ["NotImplemented", "not-supported"],
  ["NotSupported", "not-supported"],
  ["UnsupportedOperation", "not-supported"],
  ["UnsupportedFeature", "not-supported"],
  ["UnsupportedFillType", "not-supported"],
  ["UndoNotSupported", "not-supported"],
  ["OpenWorkbookLinksBlocked", "access-denied"],
  ["RefreshWorkbookLinksBlocked", "access-denied"],
  ["PowerQueryRefreshResourceChallenge", "access-denied"],
  ["Unauthenticated", "access-denied"],
  ["InvalidObjectPath", "unknown"],
  ["PropertyNotLoaded", "unknown"],
  ["ValueNotLoaded", "unknown"],
  ["InvalidRequestContext", "unknown"],
  ["RunMustReturnPromise", "unknown"],
  ["GeneralException", "unknown"],
];

const RAW = "Raw localized message: Die Operation ist fehlgeschlagen <script>";

describe("hostErrorFromOffice", () => {
  test.each(EXPECTED)("%s → %s with its own zh/en message, never the raw message", (code, hostCode) => {
    const error = hostErrorFromOffice(new FakeOfficeError(code, RAW), true);
    expect(error).toMatchObject({ ok: false, code: hostCode, untouched: true });
    expect(error.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(error.message.en).toMatch(/^[\x20-\x7e]+$/);
    expect(error.message.zh).toContain(OFFICE_ERROR_MESSAGES[code]!.message.zh);
    expect(error.message.en).toContain(OFFICE_ERROR_MESSAGES[code]!.message.en);
    expect(error.message.zh).toContain("工作簿未做任何修改");
    expect(error.message.en).toContain("nothing was changed");
    for (const text of [error.message.zh, error.message.en]) {
      expect(text).not.toContain("Raw localized");
      expect(text).not.toContain(code);
    }
  });

  test("every mapped code is tested", () => {
    expect(Object.keys(OFFICE_ERROR_MESSAGES).sort()).toEqual(EXPECTED.map(([code]) => code).sort());
  });

  test("untouched false says the workbook may be partly changed", () => {
    const error = hostErrorFromOffice(new FakeOfficeError("GeneralException", RAW), false);
    expect(error.untouched).toBe(false);
    expect(error.message.zh).toContain("部分修改");
    expect(error.message.en).toContain("partly changed");
  });

  test("an unknown code → unknown, naming the code (not the message)", () => {
    const error = hostErrorFromOffice(new FakeOfficeError("BrandNewCode", RAW), true);
    expect(error.code).toBe("unknown");
    expect(error.message.en).toContain("BrandNewCode");
    expect(error.message.zh).toContain("BrandNewCode");
    expect(error.message.en).not.toContain("Raw localized");
  });

  test.each([
    ["a plain Error", new Error(RAW)],
    ["a string", RAW],
    ["null", null],
    ["undefined", undefined],
    ["a code that is not a word", { code: "<img src=x onerror=alert(1)>", message: RAW }],
    ["a numeric code", { code: 5001, message: RAW }],
    ["an inherited name clash", { code: "toString" }],
  ])("%s → unknown without leaking anything", (_name, thrown) => {
    const error = hostErrorFromOffice(thrown, true);
    expect(error.code).toBe("unknown");
    expect(error.message.en).not.toContain("Raw localized");
    expect(error.message.en).not.toContain("<");
  });

  test("officeErrorCode reads only plausible codes", () => {
    expect(officeErrorCode(new FakeOfficeError("ItemNotFound", "x"))).toBe("ItemNotFound");
    expect(officeErrorCode({ code: "Item Not Found" })).toBeNull();
    expect(officeErrorCode("ItemNotFound")).toBeNull();
  });
});
