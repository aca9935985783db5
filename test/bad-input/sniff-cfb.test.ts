/**
 * Telling OLE compound files apart (password-protected .xlsx, old .xls, other Office files) by
 * their stream directory, on the corpus files and on damaged copies of them: every cut and every
 * broken header field gives an answer, never an exception or an endless walk.
 */
import { readFileSync } from "node:fs";
import { compoundFileEntryNames, sniffBytes } from "../../src/adapters/xlsx/sniff";
import { path } from "./corpus";

const load = (file: string) => readFileSync(path(file));

test.each([
  ["password-protected.xlsx", "encrypted", ["Root Entry", "EncryptionInfo", "EncryptedPackage"]],
  ["password-protected-large.xlsx", "encrypted", ["Root Entry", "EncryptionInfo", "EncryptedPackage"]],
  ["old-format.xls", "xls", ["Root Entry", "Workbook"]],
  ["word-doc-renamed.xlsx", "doc", ["Root Entry", "WordDocument", "1Table"]],
])("%s: %s, from the directory %j", (file, kind, names) => {
  const bytes = load(file);
  expect(compoundFileEntryNames(bytes)).toEqual(names);
  expect(sniffBytes(bytes)).toBe(kind);
});

test("the large encrypted file keeps its directory past the first 64 KB, where a byte scan would miss it", () => {
  const bytes = load("password-protected-large.xlsx");
  const name = Buffer.from("EncryptionInfo", "utf16le");
  expect(bytes.indexOf(name)).toBeGreaterThan(64 * 1024);
});

test("a sound header whose directory lies beyond the end of the file is a truncated copy", () => {
  const bytes = load("password-protected-large.xlsx");
  expect(compoundFileEntryNames(bytes.subarray(0, 100_000))).toBe("truncated");
  expect(sniffBytes(bytes.subarray(0, 100_000))).toBe("corrupt");
});

test.each(["password-protected.xlsx", "password-protected-large.xlsx", "old-format.xls", "word-doc-renamed.xlsx"])(
  "%s cut at every sector boundary: always an answer",
  (file) => {
    const bytes = load(file);
    const kinds = new Set<string>();
    for (let end = 0; end <= bytes.length; end += 512) kinds.add(sniffBytes(bytes.subarray(0, end)));
    for (const kind of kinds) expect(["zip", "xls", "doc", "encrypted", "corrupt", "other"]).toContain(kind);
    // Cut before the directory, the encrypted file is never mistaken for an old .xls.
    if (file.startsWith("password-protected")) expect(kinds.has("xls")).toBe(false);
  },
);

describe("damaged headers", () => {
  const pristine = () => Buffer.from(load("password-protected.xlsx"));

  test("a directory chain that loops on itself ends", () => {
    const bytes = pristine();
    const directory = bytes.readUInt32LE(48);
    const fat = bytes.readUInt32LE(76);
    bytes.writeUInt32LE(directory, (fat + 1) * 512 + directory * 4);
    expect(compoundFileEntryNames(bytes)).toBeNull();
    // The byte scan still finds the stream name in the first sectors.
    expect(sniffBytes(bytes)).toBe("encrypted");
  });

  test.each([
    ["sector shift", 30, 2, 0x20],
    ["byte order mark", 28, 2, 0x1234],
    ["first directory sector", 48, 4, 0xfffffff0],
    ["first FAT sector", 76, 4, 0x7fffffff],
  ])("a nonsense %s", (_name, offset, size, value) => {
    const bytes = pristine();
    if (size === 2) bytes.writeUInt16LE(value, offset);
    else bytes.writeUInt32LE(value, offset);
    expect(() => compoundFileEntryNames(bytes)).not.toThrow();
    expect(["encrypted", "corrupt", "xls"]).toContain(sniffBytes(bytes));
  });
});
