import { useState } from 'preact/hooks';
import { api } from './api';
import { ErrorBox } from './error-box';
import { addMessages, t } from './messages';
import { useLang } from './use-lang';

/** What POST /api/v1/photos accepts (intake's PHOTO_MAX_BYTES default and image types). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS = 9;

addMessages({
  zh: {
    'photo.label': '照片（选填）',
    'photo.limits': 'JPEG、PNG 或 WebP，每张不超过 5 MB，最多 {max} 张。',
    'photo.add': '添加照片',
    'photo.uploading': '正在上传 {name}…',
    'photo.remove': '删除照片',
    'photo.tooBig': '{name} 太大（{size} MB），每张照片不能超过 5 MB。',
    'photo.badType': '{name} 不是 JPEG、PNG 或 WebP 图片。',
    'photo.tooMany': '最多 {max} 张照片。',
  },
  en: {
    'photo.label': 'Photos (optional)',
    'photo.limits': 'JPEG, PNG or WebP, at most 5 MB each, up to {max} photos.',
    'photo.add': 'Add photos',
    'photo.uploading': 'Uploading {name}…',
    'photo.remove': 'Remove photo',
    'photo.tooBig': '{name} is too large ({size} MB); each photo may be at most 5 MB.',
    'photo.badType': '{name} is not a JPEG, PNG or WebP image.',
    'photo.tooMany': 'At most {max} photos.',
  },
});

/** Checks a file before sending it, so the user hears about the limits without a round trip. */
export function photoProblem(file: { name: string; size: number; type: string }): string | null {
  if (!PHOTO_TYPES.includes(file.type)) return t('photo.badType', { name: file.name });
  if (file.size > PHOTO_MAX_BYTES)
    return t('photo.tooBig', { name: file.name, size: (file.size / 1024 / 1024).toFixed(1) });
  return null;
}

/**
 * Picks photos and uploads each one at once (the raw file as the body, its own Content-Type);
 * `onChange` gets the stored URLs. Shows the limits, progress and the server's refusals.
 */
export function PhotoUpload({
  urls,
  onChange,
  id = 'photos',
}: {
  urls: string[];
  onChange: (urls: string[]) => void;
  id?: string;
}) {
  useLang();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function add(files: FileList | null) {
    if (!files) return;
    setError(null);
    let list = urls;
    for (const file of Array.from(files)) {
      if (list.length >= MAX_PHOTOS) {
        setError(new Error(t('photo.tooMany', { max: MAX_PHOTOS })));
        break;
      }
      const problem = photoProblem(file);
      if (problem) {
        setError(new Error(problem));
        continue;
      }
      setBusy(file.name);
      try {
        const res = await api<{ url: string }>('POST', '/api/v1/photos', file, {
          headers: { 'content-type': file.type },
        });
        list = [...list, res.url];
        onChange(list);
      } catch (err) {
        setError(err);
      } finally {
        setBusy(null);
      }
    }
  }

  return (
    <div class="photo-upload">
      <label for={id}>{t('photo.label')}</label>
      <p class="hint">{t('photo.limits', { max: MAX_PHOTOS })}</p>
      <input
        id={id}
        type="file"
        accept={PHOTO_TYPES.join(',')}
        multiple
        data-testid="photo-input"
        disabled={busy !== null}
        onChange={(e) => {
          const input = e.currentTarget;
          void add(input.files).then(() => {
            input.value = '';
          });
        }}
      />
      {busy && <p class="loading">{t('photo.uploading', { name: busy })}</p>}
      {urls.length > 0 && (
        <ul class="thumbs" data-testid="photo-list">
          {urls.map((url) => (
            <li key={url}>
              <img src={url} alt="" width={72} height={72} />
              <button
                type="button"
                class="link thumb-remove"
                aria-label={t('photo.remove')}
                onClick={() => onChange(urls.filter((u) => u !== url))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorBox error={error} />
    </div>
  );
}
