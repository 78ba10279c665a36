import assert from 'node:assert/strict';
import { loadWebModule } from '../../support/web-module';

const { fieldText } = loadWebModule<{
  fieldText(message: string): { key: string; params?: Record<string, string> } | null;
}>('lib/field-text');

/** The server's English field messages, as the pages say them in the reader's language. */
describe('web: field messages', () => {
  it('knows the messages of the forms, with their numbers', () => {
    assert.deepEqual(fieldText('required'), { key: 'field.required' });
    assert.deepEqual(fieldText('at least 5 characters'), { key: 'field.tooShort', params: { n: '5' } });
    assert.deepEqual(fieldText('must be at least 8 characters'), {
      key: 'field.tooShort',
      params: { n: '8' },
    });
    assert.deepEqual(fieldText('at most 2000 characters'), { key: 'field.tooLong', params: { n: '2000' } });
    assert.deepEqual(fieldText('at most 9 photos'), { key: 'field.tooManyPhotos', params: { n: '9' } });
    assert.deepEqual(fieldText('not a valid Chinese mobile or landline number'), { key: 'field.phone' });
    assert.deepEqual(fieldText('give a location (map pin) or an address'), { key: 'field.place' });
    assert.deepEqual(fieldText('does not match'), { key: 'field.noMatch' });
    assert.deepEqual(fieldText('no such active unit'), { key: 'field.noSuchUnit' });
  });

  it('leaves a message it does not know as the server wrote it', () => {
    assert.equal(fieldText('must be a time, HH:MM'), null);
    assert.equal(fieldText('at least five characters'), null);
  });
});
