import assert from 'node:assert/strict';
import { isPhotoReference, photoPath, systemPhotoId } from '@grid-dispatch/http';

describe('photo references in reports and fixes', () => {
  const id = 'Ab3_-xYz0123456789AbCd';

  it('a stored photo is served at its path, which names its id', () => {
    assert.equal(photoPath(id), `/api/v1/photos/${id}`);
    assert.equal(systemPhotoId(photoPath(id)), id);
  });

  const table: Array<[string, boolean]> = [
    [`/api/v1/photos/${id}`, true],
    ['https://img.example.com/fix.jpg', true],
    [`/api/v1/photos/${id.slice(1)}`, false], // 21 characters
    [`/api/v1/photos/${id}A`, false], // 23 characters
    [`/api/v1/photos/${id.slice(1)}.`, false],
    [`/api/v1/photos/${id.slice(1)}=`, false],
    [`/api/v1/photos/${id}/`, false],
    [`/api/v1/photos/${id}?x=1`, false],
    [`/api/v1/photos/${id}#x`, false],
    [`/api/v1/photos/../${id.slice(3)}`, false],
    [`api/v1/photos/${id}`, false],
    [`//api/v1/photos/${id}`, false],
    [` /api/v1/photos/${id}`, false],
    [`/API/V1/PHOTOS/${id}`, false],
    [`/api/v2/photos/${id}`, false],
    [`http://127.0.0.1:8080/api/v1/photos/${id}`, false],
    [`/api/v1/photos/${id}\n`, false],
    ['/api/v1/photos/', false],
    ['/etc/passwd', false],
  ];
  for (const [value, expected] of table) {
    it(`${JSON.stringify(value)} → ${expected ? 'accepted' : 'refused'}`, () => {
      assert.equal(isPhotoReference(value), expected);
    });
  }
});
