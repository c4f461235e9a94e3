/**
 * One CSV line (RFC 4180). Cells that a spreadsheet would run as a formula
 * (=, +, -, @ first) get a leading apostrophe: suggestions are typed by the
 * public and opened by officials in Excel.
 */
export function csvLine(cells: ReadonlyArray<string | number | null | undefined>): string {
  return (
    cells
      .map((cell) => {
        if (cell === null || cell === undefined) return "";
        let text = String(cell);
        if (typeof cell === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
        return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
      })
      .join(",") + "\r\n"
  );
}
