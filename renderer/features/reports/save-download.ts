// Saves text the user asked to export as a file through a download (an <a download> on a Blob URL): in
// Electron this opens the save dialog, in a browser it downloads. No file path ever goes to main.
export function saveTextAsDownload(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // A byte-order mark so Excel opens UTF-8 CSV with accents intact.
  const blob = new Blob(['\uFEFF', text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
