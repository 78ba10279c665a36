import { ApiError } from './api';
import { getSession } from './session';

/**
 * A file from the API that wants the staff token in a header, which a plain link cannot send:
 * fetched here and handed back as a blob (the caller opens it in a tab or saves it). A refusal
 * becomes the ApiError the server described, or `fallback` when it said nothing.
 */
export async function fetchStaffBlob(path: string, fallback: string): Promise<Blob> {
  const res = await fetch(path, {
    headers: { authorization: `Bearer ${getSession()?.token ?? ''}` },
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as {
      error?: { code: string; message: string };
    } | null;
    throw new ApiError(
      res.status,
      body?.error?.code ?? `http_${res.status}`,
      body?.error?.message ?? fallback,
    );
  }
  return res.blob();
}

/** Saves a blob as a download named `filename`. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
