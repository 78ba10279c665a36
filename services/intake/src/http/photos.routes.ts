import { createHash, randomBytes } from 'node:crypto';
import { PHOTO_CONTENT_TYPES } from '@grid-dispatch/db';
import { AppError } from '@grid-dispatch/errors';
import type { ClientThrottle } from '@grid-dispatch/http';
import { PHOTO_ID, photoPath } from '@grid-dispatch/http';
import express, { Router } from 'express';
import { declaredPhotoType, sniffImageType } from '../image-type';
import type { IntakePlatform } from '../intake-platform';

const TYPES = PHOTO_CONTENT_TYPES.join(', ');

/**
 * POST /api/v1/photos stores the raw image body (no login: residents upload before reporting,
 * staff before reporting a fix) and answers its id and path; GET /api/v1/photos/{id} serves it.
 * A photo never changes once stored, so it is cached for good.
 */
export function photosRouter(platform: IntakePlatform, maxBytes: number, throttle: ClientThrottle): Router {
  const router = Router();
  // Any media type is read here (up to the limit) so the handler can name the problem: the
  // app's JSON parser has already claimed JSON bodies, which are then refused as not an image.
  const rawBody = express.raw({ type: () => true, limit: maxBytes });

  router.post('/', rawBody, async (req, res) => {
    const body: unknown = req.body;
    const declared = declaredPhotoType(req.header('content-type'));
    if (!declared) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the image as the body with Content-Type ${TYPES}.`, {
        fields: [{ path: 'Content-Type', message: `must be one of ${TYPES}` }],
      });
    }
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new AppError('MALFORMED_REQUEST', 'The request body is empty; send the image bytes.', {
        fields: [{ path: '(body)', message: 'empty' }],
      });
    }
    const actual = sniffImageType(body);
    if (actual !== declared) {
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        `The body is not a ${declared} image${actual ? ` (it is ${actual})` : ''}.`,
        { fields: [{ path: '(body)', message: `content is not ${declared}` }] },
      );
    }
    await throttle.take(req.ip ?? 'unknown');
    const id = randomBytes(16).toString('base64url');
    const sha256 = createHash('sha256').update(body).digest('hex');
    // Bytes first: a stored description always has its bytes (see PhotoDoc).
    await platform.models.photoData.create({ _id: id, data: body });
    await platform.models.photos.create({ _id: id, contentType: declared, bytes: body.length, sha256 });
    const url = photoPath(id);
    res.status(201).location(url).json({ id, url, contentType: declared, bytes: body.length });
  });

  router.get('/:id', async (req, res) => {
    const id = req.params.id;
    const [photo, bytes] = PHOTO_ID.test(id)
      ? await Promise.all([
          platform.models.photos.findById(id).lean().exec(),
          platform.models.photoData.findById(id).exec(), // a document: `data` comes back a Buffer
        ])
      : [null, null];
    if (!photo || !bytes) throw new AppError('NOT_FOUND', 'No such photo.');
    res.set({
      'Content-Type': photo.contentType,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      ETag: `"${photo.sha256}"`,
    });
    res.send(bytes.data);
  });

  return router;
}
