import { randomBytes, randomUUID } from 'node:crypto';
import { type Open311KeyDoc, open311KeyHash } from '@grid-dispatch/db';
import { parseBody } from '@grid-dispatch/http';
import { Router } from 'express';
import { type AdminContext, listPage, notFound } from './admin.common';
import { open311KeyBody } from './admin.schemas';

export function open311KeyView(doc: Open311KeyDoc) {
  return {
    id: doc._id,
    name: doc.name,
    keyPrefix: doc.keyPrefix,
    active: doc.active,
    createdAt: doc.createdAt,
    revokedAt: doc.revokedAt ?? null,
  };
}

/**
 * API keys of Open311 clients: /api/v1/admin/open311-keys. POST issues a key and answers it once
 * (only its SHA-256 is stored); DELETE revokes it — the record stays, inactive, so the reports
 * filed with it keep naming their client, and the key stops working with the next request.
 */
export function open311KeysRouter({ platform }: AdminContext): Router {
  const router = Router();
  const keys = platform.models.open311Keys;

  router.get('/', async (req, res) => {
    res.json(await listPage(keys, req.query, [], open311KeyView));
  });

  router.post('/', async (req, res) => {
    const { name } = parseBody(open311KeyBody, req.body);
    const key = `o311_${randomBytes(32).toString('base64url')}`;
    const created = await keys.create({
      _id: randomUUID(),
      name,
      keyHash: open311KeyHash(key),
      keyPrefix: key.slice(0, 9),
      active: true,
      revokedAt: null,
    });
    res.status(201).json({ ...open311KeyView(created.toObject()), key });
  });

  router.delete('/:id', async (req, res) => {
    const id = req.params.id;
    const current = await keys.findById(id).lean<Open311KeyDoc>().exec();
    if (!current) throw notFound('Open311 key', id);
    if (current.active) await keys.updateOne({ _id: id }, { $set: { active: false, revokedAt: new Date() } });
    const revoked = await keys.findById(id).lean<Open311KeyDoc>().exec();
    res.json(open311KeyView(revoked ?? current));
  });

  return router;
}
