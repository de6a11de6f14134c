import { describe, expect, it } from "vitest";
import { multipartBoundary, parseMultipart } from "./multipart.ts";
import { detectMimeType } from "./mime.ts";
import { parseByteRange, parseContentRange } from "./ranges.ts";

function form(
  boundary: string,
  parts: Array<{ name: string; filename?: string; type?: string; body: Buffer | string }>,
): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename === undefined ? "" : `; filename="${p.filename}"`}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ""}\r\n`;
    chunks.push(Buffer.from(head), Buffer.isBuffer(p.body) ? p.body : Buffer.from(p.body), Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

describe("multipart", () => {
  it("extracts fields (repeated names kept) and binary files intact", () => {
    const binary = Buffer.from([0, 13, 10, 45, 45, 255, 13, 10]);
    const body = form("XyZ", [
      { name: "fileId", body: "abc" },
      { name: "permissions[]", body: 'read("any")' },
      { name: "permissions[]", body: 'update("users")' },
      { name: "file", filename: "we%22ird.bin", type: "application/octet-stream", body: binary },
    ]);
    const parsed = parseMultipart(body, "XyZ");
    expect(parsed.fields.get("fileId")).toEqual(["abc"]);
    expect(parsed.fields.get("permissions[]")).toEqual(['read("any")', 'update("users")']);
    expect(parsed.files).toHaveLength(1);
    expect(parsed.files[0]).toMatchObject({
      field: "file",
      filename: 'we"ird.bin',
      contentType: "application/octet-stream",
    });
    expect(parsed.files[0]!.data.equals(binary)).toBe(true);
  });

  it("reads the boundary and rejects broken bodies", () => {
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe("a b");
    expect(multipartBoundary("multipart/form-data; boundary=----x")).toBe("----x");
    expect(multipartBoundary("application/json")).toBeNull();
    expect(() =>
      parseMultipart(Buffer.from('--B\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated'), "B"),
    ).toThrow(/Invalid multipart body/);
  });
});

describe("mime types", () => {
  it("sniffs content first, then the extension, then text", () => {
    expect(detectMimeType(Buffer.from("89504e470d0a1a0a", "hex"), "x.bin", "application/octet-stream")).toBe(
      "image/png",
    );
    expect(detectMimeType(Buffer.from("ffd8ffe0", "hex"), "photo", "")).toBe("image/jpeg");
    expect(detectMimeType(Buffer.from("%PDF-1.7"), "doc", "")).toBe("application/pdf");
    expect(detectMimeType(Buffer.from("504b0304", "hex"), "a.docx", "")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(detectMimeType(Buffer.from("a,b\n1,2"), "t.csv", "")).toBe("text/csv");
    expect(detectMimeType(Buffer.from("hello"), "notes", "application/octet-stream")).toBe("text/plain");
    expect(detectMimeType(Buffer.from([0, 1, 2]), "blob", "application/x-custom")).toBe("application/x-custom");
  });
});

describe("ranges", () => {
  it("parses upload Content-Range", () => {
    expect(parseContentRange("bytes 0-5242879/12583035")).toEqual({ start: 0, end: 5242879, size: 12583035 });
    expect(() => parseContentRange("bytes 10-5/100")).toThrow(/content range/);
    expect(() => parseContentRange("items 0-1/2")).toThrow();
  });

  it("parses download Range like Appwrite", () => {
    expect(parseByteRange("bytes=0-4", 11)).toEqual({ start: 0, end: 4 });
    expect(parseByteRange("bytes=5-", 11)).toEqual({ start: 5, end: 10 });
    expect(() => parseByteRange("bytes=0-11", 11)).toThrow(/not satisfiable/);
    expect(() => parseByteRange("items=0-1", 11)).toThrow();
  });
});
