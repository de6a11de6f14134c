// A small multipart/form-data parser for uploads (RFC 7578). The request body is already buffered by the server
// (64 MB cap; SDKs send files in 5 MB chunks), so this scans it with Buffer.indexOf and returns file contents as
// views into that buffer, without copying.
import { AppwriteError } from "../errors.ts";

export interface MultipartFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface MultipartBody {
  /** Text fields; repeated names (e.g. `permissions[]`) keep every value in order. */
  fields: Map<string, string[]>;
  files: MultipartFile[];
}

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

function invalid(reason: string): AppwriteError {
  return new AppwriteError(400, "general_argument_invalid", `Invalid multipart body: ${reason}.`);
}

export function multipartBoundary(contentType: string): string | null {
  if (!/^multipart\/form-data\b/i.test(contentType)) return null;
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

// Browsers and undici escape `"`, CR and LF in names and filenames as %22, %0D and %0A (HTML form encoding).
function unescapeParam(v: string): string {
  return v.replace(/%22/gi, '"').replace(/%0D/gi, "\r").replace(/%0A/gi, "\n");
}

function dispositionParam(header: string, name: string): string | undefined {
  const re = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"|;\\s*${name}=([^;\\s]+)`, "i");
  const m = re.exec(header);
  if (!m) return undefined;
  return m[1] !== undefined ? unescapeParam(m[1].replace(/\\(.)/g, "$1")) : m[2];
}

export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
  const delimiter = Buffer.from(`--${boundary}`);
  const fields = new Map<string, string[]>();
  const files: MultipartFile[] = [];

  let pos = body.indexOf(delimiter);
  if (pos === -1) throw invalid("missing boundary");
  for (;;) {
    pos += delimiter.length;
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // `--boundary--`: the end
    if (!body.subarray(pos, pos + 2).equals(CRLF)) throw invalid("malformed boundary line");
    pos += 2;
    const headerEnd = body.indexOf(HEADER_END, pos);
    if (headerEnd === -1) throw invalid("unterminated part headers");
    const headers = new Map<string, string>();
    for (const line of body.subarray(pos, headerEnd).toString("utf8").split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const contentStart = headerEnd + HEADER_END.length;
    const next = body.indexOf(Buffer.concat([CRLF, delimiter]), contentStart);
    if (next === -1) throw invalid("unterminated part");
    const content = body.subarray(contentStart, next);

    const disposition = headers.get("content-disposition") ?? "";
    const name = dispositionParam(disposition, "name");
    if (name === undefined) throw invalid("part without a name");
    const filename = dispositionParam(disposition, "filename");
    if (filename !== undefined) {
      files.push({
        field: name,
        filename,
        contentType: headers.get("content-type") ?? "application/octet-stream",
        data: content,
      });
    } else {
      const list = fields.get(name) ?? [];
      list.push(content.toString("utf8"));
      fields.set(name, list);
    }
    pos = next + CRLF.length;
  }
  return { fields, files };
}
