import { describe, expect, it } from "vitest";
import { rowsChannel, TABLES } from "./resource-ids";

describe("rowsChannel", () => {
  it("names a table's rows, or one row, the way Appwrite Realtime does", () => {
    expect(rowsChannel("tenang", TABLES.messages)).toBe("tablesdb.tenang.tables.messages.rows");
    expect(rowsChannel("tenang", TABLES.bookingUpdates, "b1")).toBe("tablesdb.tenang.tables.booking_updates.rows.b1");
  });
});
