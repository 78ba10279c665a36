import assert from 'node:assert/strict';
import { checkReportDraft, isChinesePhoneNumber, type ReportDraft } from '@grid-dispatch/domain';

const draft = (over: Partial<ReportDraft> = {}): ReportDraft => ({
  category: 'road_collapse',
  description: '路面塌陷一个大坑',
  hasLocation: true,
  address: '',
  name: '',
  phone: '',
  photoCount: 0,
  ...over,
});

/** The report's rules as the page checks a draft before sending (the server applies the same). */
describe('domain: a report draft', () => {
  it('passes when complete', () => {
    assert.deepEqual(checkReportDraft(draft()), []);
    assert.deepEqual(checkReportDraft(draft({ hasLocation: false, address: '中山路 12 号' })), []);
  });

  it('names every problem, in the order the form shows its fields', () => {
    assert.deepEqual(
      checkReportDraft(
        draft({
          hasLocation: false,
          category: '',
          description: ' x ',
          name: '名'.repeat(51),
          phone: '12345',
        }),
      ),
      [
        { path: 'location', rule: 'place' },
        { path: 'category', rule: 'required' },
        { path: 'description', rule: 'tooShort', limit: 5 },
        { path: 'contact.name', rule: 'tooLong', limit: 50 },
        { path: 'contact.phone', rule: 'phone' },
      ],
    );
  });

  it('checks lengths after trimming, as the server does', () => {
    assert.deepEqual(checkReportDraft(draft({ description: '   一二三四五   ' })), []);
    assert.deepEqual(checkReportDraft(draft({ description: 'x'.repeat(2001) })), [
      { path: 'description', rule: 'tooLong', limit: 2000 },
    ]);
    assert.deepEqual(checkReportDraft(draft({ address: ' 路 ' })), [
      { path: 'address', rule: 'tooShort', limit: 2 },
    ]);
    assert.deepEqual(checkReportDraft(draft({ photoCount: 10 })), [
      { path: 'photos', rule: 'tooMany', limit: 9 },
    ]);
  });

  it('takes Chinese mobile and landline numbers, nothing else', () => {
    for (const ok of [
      '13800138000',
      '+86 13800138000',
      '86-13800138000',
      '0411-82813456',
      '041182813456-123',
    ])
      assert.ok(isChinesePhoneNumber(ok), ok);
    for (const bad of ['12345', '12800138000', '138001380001', 'abc', '+1 415 555 0100'])
      assert.ok(!isChinesePhoneNumber(bad), bad);
  });
});
