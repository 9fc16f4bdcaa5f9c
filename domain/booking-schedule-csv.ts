/**
 * CSV for spreadsheets (RFC 4180): fields with a comma, quote, semicolon or line break are quoted,
 * quotes doubled, lines end in CRLF, and the file starts with a UTF-8 byte order mark so Excel
 * reads Cyrillic correctly. A field that a spreadsheet would run as a formula (=, +, -, @ first)
 * is prefixed with an apostrophe (CSV injection).
 */
export const UTF8_BOM = "\uFEFF";

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return UTF8_BOM + [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
