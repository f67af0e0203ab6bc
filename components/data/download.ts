/** Save text as a file through a Blob URL: nothing leaves the computer. */
export function downloadText(doc: Document, filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "20261124-1000" in Asia/Shanghai, for file names. */
export function stamp(at: number): string {
  const d = new Date(at + 8 * 3_600_000).toISOString();
  return `${d.slice(0, 10).replaceAll('-', '')}-${d.slice(11, 16).replace(':', '')}`;
}
