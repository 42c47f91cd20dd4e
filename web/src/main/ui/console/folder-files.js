// An assignment folder chosen in the browser (<input type="file" webkitdirectory>) as the import API takes it: the
// folder's name as the assignment id and each file's text by its path inside the folder.

/** The path of {@code file} inside the chosen folder: webkitRelativePath without the folder's own name. */
export function pathInFolder(file) {
  const relative = file.webkitRelativePath || file.name;
  const slash = relative.indexOf('/');
  return slash >= 0 && file.webkitRelativePath ? relative.slice(slash + 1) : relative;
}

/** The chosen folder's name ("hw-convnets"), or '' when files were chosen one by one. */
export function folderName(files) {
  const first = [...files].find((file) => file.webkitRelativePath);
  return first ? first.webkitRelativePath.split('/')[0] : '';
}

/** {path: text} of the chosen files, hidden files (".git/…", ".DS_Store") left out. */
export async function readFolder(files) {
  const entries = await Promise.all([...files]
    .filter((file) => !pathInFolder(file).split('/').some((part) => part.startsWith('.')))
    .map(async (file) => [pathInFolder(file), await file.text()]));
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}
