/** storage.session keys shared by the worker and the extension pages. */
export const STORE_ERROR_KEY = 'storeError';
