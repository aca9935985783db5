/** The fake behaves like Excel where the adapter relies on it (otherwise the adapter tests prove nothing). */
import { ExcelFake, FakeOfficeError } from "../../fakes/excel-fake";

function fakeWith(): ExcelFake {
  const fake = new ExcelFake();
  fake.addSheet("S");
  fake.putCell("S", 0, 0, { value: 1 });
  return fake;
}

describe("ExcelFake", () => {
  test("properties throw PropertyNotLoaded before load + sync; writes wait for sync", async () => {
    const fake = fakeWith();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.values = [[2]];
      expect(fake.cell("S", "A1")?.value).toBe(1);
      await context.sync();
      expect(fake.cell("S", "A1")?.value).toBe(2);
      expect(range.values).toEqual([[1]]); // the load was queued before the write
    });
    expect(fake.syncCount).toBe(1);
  });

  test("Excel.run syncs what is still queued; proxies die with their run", async () => {
    const fake = fakeWith();
    let kept: Excel.Range | null = null;
    await fake.run(async (context) => {
      kept = context.workbook.worksheets.getItem("S").getRange("B1");
      kept.values = [["x"]];
    });
    expect(fake.cell("S", "B1")?.value).toBe("x");
    expect(fake.syncCount).toBe(1);
    expect(() => {
      kept!.values = [["y"]];
    }).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
  });

  test("getItem of a missing sheet fails at sync with ItemNotFound; OrNullObject does not", async () => {
    const fake = fakeWith();
    await expect(fake.run(async (context) => {
      context.workbook.worksheets.getItem("Nope").load("name");
      await context.sync();
    })).rejects.toMatchObject({ code: "ItemNotFound" });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject("Nope");
      expect(() => ws.isNullObject).toThrow();
      const cell = ws.getRange("A1");
      cell.load("values");
      await context.sync();
      expect(ws.isNullObject).toBe(true);
      expect(cell.values).toBeUndefined();
    });
    const strict = fakeWith();
    strict.nullChaining = "throw";
    await expect(strict.run(async (context) => {
      context.workbook.worksheets.getItemOrNullObject("Nope").getRange("A1").load("values");
      await context.sync();
    })).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("failAtSync: earlier syncs stay applied, the failing batch runs `applied` writes only", async () => {
    const fake = fakeWith();
    fake.failAtSync(2, "Conflict", { applied: 1 });
    await expect(fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("A1").values = [[10]];
      await context.sync();
      ws.getRange("A2").values = [[20]];
      ws.getRange("A3").values = [[30]];
      await context.sync();
    })).rejects.toBeInstanceOf(FakeOfficeError);
    expect(fake.cell("S", "A1")?.value).toBe(10);
    expect(fake.cell("S", "A2")?.value).toBe(20);
    expect(fake.cell("S", "A3")).toBeUndefined();
  });

  test("protected sheets refuse writes with AccessDenied; shape mismatches are InvalidArgument", async () => {
    const fake = fakeWith();
    fake.protect("S");
    await expect(fake.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").values = [[5]];
      await context.sync();
    })).rejects.toMatchObject({ code: "AccessDenied" });
    fake.protect("S", false);
    await expect(fake.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:B1").values = [[5]];
      await context.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(fake.cell("S", "A1")?.value).toBe(1);
  });

  test("fill reads #FFFFFF / pattern None without a fill; APIs above apiVersion fail with ApiNotFound", async () => {
    const fake = fakeWith();
    await fake.run(async (context) => {
      const fill = context.workbook.worksheets.getItem("S").getRange("A1").format.fill;
      fill.load("color,pattern");
      await context.sync();
      expect(fill.color).toBe("#FFFFFF");
      expect(fill.pattern).toBe("None");
    });
    fake.apiVersion = "1.8";
    await expect(fake.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").format.fill.load("pattern");
      await context.sync();
    })).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(fake.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(fake.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
  });

  test("merged areas are reported only when their top-left lies in the range", async () => {
    const fake = fakeWith();
    fake.mustSheet("S").merges.push({ top: 0, left: 1, bottom: 1, right: 2 });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      const inside = ws.getRange("A1:C3").getMergedAreasOrNullObject();
      const follower = ws.getRange("C2").getMergedAreasOrNullObject();
      inside.load("areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount");
      follower.load("areas/items/rowIndex");
      await context.sync();
      expect(inside.areas.items.map((a) => [a.rowIndex, a.columnIndex, a.rowCount, a.columnCount])).toEqual([[0, 1, 2, 2]]);
      expect(follower.isNullObject).toBe(true);
    });
  });
});
