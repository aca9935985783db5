// The baseline of `npm run bench`: a Node process that only reads workbooks with exceljs (one
// file, or every .xlsx of a folder in turn), as a plain read of the same files costs.
"use strict";
const { readdirSync, statSync } = require("node:fs");
const { join } = require("node:path");
const ExcelJS = require("exceljs");

async function main() {
  const target = process.argv[2];
  const files = statSync(target).isDirectory()
    ? readdirSync(target).filter((n) => n.endsWith(".xlsx")).sort().map((n) => join(target, n))
    : [target];
  let cells = 0;
  for (const file of files) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    for (const sheet of workbook.worksheets) cells += sheet.actualRowCount;
  }
  if (cells === 0) process.exitCode = 3;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
