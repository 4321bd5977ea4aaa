/**
 * Saves bytes as a file through the browser's download path (Electron turns it into
 * its own save flow): a temporary `<a download>`, clicked, then removed and revoked.
 */
export function downloadBlob(bytes: Uint8Array | string, fileName: string, mime: string): void {
  // A copy into a plain ArrayBuffer: Blob will not take a view over a shared buffer.
  const part = typeof bytes === 'string' ? bytes : bytes.slice().buffer;
  const url = URL.createObjectURL(new Blob([part], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoked on the next task: the click has started the download by then.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
