import assert from 'node:assert/strict';
import { AppError } from '@grid-dispatch/errors';
import { joinName, parseOpen311Form } from '@grid-dispatch/intake/dist/open311/open311-request-form';

describe('Open311: the request form as our report', () => {
  const good = {
    api_key: 'o311_abc',
    service_code: 'road_collapse',
    lat: '38.915',
    long: '121.63',
    description: 'a hole in the road',
  };

  it('maps the form fields to the report body', () => {
    const { apiKey, report } = parseOpen311Form({
      ...good,
      first_name: 'Ming',
      last_name: 'Wang',
      phone: '13912345678',
      email: 'ming@example.com',
      media_url: 'https://example.com/a.jpg',
      jurisdiction_id: 'zhongshan',
      address_string: '中山路 1 号',
      device_id: '',
    });
    assert.equal(apiKey, 'o311_abc');
    assert.deepEqual(report, {
      category: 'road_collapse',
      description: 'a hole in the road',
      location: { lat: 38.915, lng: 121.63 },
      address: '中山路 1 号',
      contact: { name: 'Ming Wang', phone: '13912345678' },
      photos: ['https://example.com/a.jpg'],
    });
  });

  it('takes empty optional fields as absent, and an address alone as the place', () => {
    const { report, apiKey } = parseOpen311Form({
      service_code: 'road_collapse',
      description: 'a hole in the road',
      lat: '',
      long: '',
      address_string: '中山路 1 号',
      email: '',
      api_key: '',
    });
    assert.equal(apiKey, null);
    assert.deepEqual(report, {
      category: 'road_collapse',
      description: 'a hole in the road',
      address: '中山路 1 号',
    });
  });

  it('writes a Chinese name family name first, any other first name first', () => {
    assert.equal(joinName('小明', '王'), '王小明');
    assert.equal(joinName('Ming', 'Wang'), 'Ming Wang');
    assert.equal(joinName(undefined, '王'), '王');
    assert.equal(joinName(' ', undefined), undefined);
  });

  const refusals: Array<[string, Record<string, unknown>, string[]]> = [
    ['lat without long', { ...good, long: undefined }, ['long']],
    ['a coordinate that is not a number', { ...good, lat: '38.9N' }, ['lat']],
    ['no place at all', { ...good, lat: undefined, long: undefined }, ['lat']],
    [
      'no service_code and no description',
      { ...good, service_code: undefined, description: undefined },
      ['service_code', 'description'],
    ],
    ['a repeated field', { ...good, lat: ['1', '2'] }, ['lat']],
    ['an attribute', { ...good, 'attribute[depth]': '3' }, ['attribute[depth]']],
    ['an unknown field', { ...good, colour: 'red' }, ['colour']],
    ['a bad email', { ...good, email: 'a@b' }, ['email']],
    ['a NUL character', { ...good, description: 'hole\u0000' }, ['description']],
  ];
  for (const [name, form, fields] of refusals) {
    it(`refuses ${name}, naming ${fields.join(', ')}`, () => {
      const cleaned = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined));
      assert.throws(
        () => parseOpen311Form(cleaned),
        (error: unknown) => {
          assert.ok(error instanceof AppError);
          assert.equal(error.code, 'MALFORMED_REQUEST');
          assert.deepEqual(
            error.fields?.map((f) => f.path),
            fields,
          );
          return true;
        },
      );
    });
  }
});
