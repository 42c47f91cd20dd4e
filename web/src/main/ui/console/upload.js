// Uploads with progress. fetch() reports no upload progress, so a dataset import goes through XMLHttpRequest, with
// the same CSRF header and the same problem+json errors as lib/api.js.
import { ApiError, csrfHeaders } from '../lib/api.js';
import { t } from '../lib/i18n.js';

/**
 * POSTs {@code form} (FormData) to {@code path}; calls {@code onProgress({loaded, total, sent})} as bytes go out
 * (sent: the whole body is out and the server is working). Resolves to the JSON answer, rejects with an ApiError.
 */
export function uploadWithProgress(path, form, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    Object.entries(csrfHeaders()).forEach(([name, value]) => request.setRequestHeader(name, value));
    request.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0, sent: false });
    request.upload.onload = () => onProgress({ loaded: 1, total: 1, sent: true });
    request.onerror = () => reject(new ApiError(0, t('error.network')));
    request.onload = () => {
      let body = {};
      try {
        body = JSON.parse(request.responseText || '{}');
      } catch {
        body = {};
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(body);
      } else {
        reject(new ApiError(request.status, body.detail ?? t('error.status', { status: request.status }), body));
      }
    };
    request.send(form);
  });
}

/** POSTs {@code text} with content type {@code type} through lib/api.js (for the roster's CSV). */
export function postText(api, path, text, type) {
  return api(path, {
    method: 'POST',
    fetchFn: (url, init) => fetch(url, { ...init, headers: { ...init.headers, 'Content-Type': type }, body: text }),
  });
}
