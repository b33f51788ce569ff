// What a kiosk page keeps in its IndexedDB (the database of the server it syncs with): every
// record of one kind, read in the page as the kiosk stores it.
export function storedRecords(page, kind) {
  return page.evaluate(
    (storeName) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(`huddle-elements@${location.host}`);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction(storeName).objectStore(storeName).getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    kind,
  );
}
