// The built-in data files, read as the tests' reference: how many rows each
// table has and what the claims file says of each claim, so that the tests
// follow the data rather than repeat its counts.
import { readFileSync } from "node:fs";

/** The records of a CSV text (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      field = "";
      if (row.some((f) => f !== "")) rows.push(row);
      row = [];
    } else {
      field += c;
    }
  }
  if (field !== "" || row.length) {
    row.push(field);
    if (row.some((f) => f !== "")) rows.push(row);
  }
  return rows;
}

/** The rows of `data/<name>.csv` as objects keyed by the header's columns. */
export function table(name) {
  const [header, ...rows] = parseCsv(readFileSync(`data/${name}.csv`, "utf8"));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

/** The header line of `data/<name>.csv`. */
export function header(name) {
  return parseCsv(readFileSync(`data/${name}.csv`, "utf8"))[0].join(",");
}

export const INDICATORS = table("indicators").length;
export const OBSERVATIONS = table("observations").length;
export const TARGETS = table("targets").length;
export const CLAIMS = table("claims");
