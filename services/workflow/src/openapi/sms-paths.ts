import { answer, bearer, body, error, type Json, pathParam, queryParam } from './operations';

const TAG = ['Resident SMS'];

/** Resident SMS (text messages to reporters): opt-out on the tracking page, the gateway's replies, the log. */
export const smsApiPaths: Record<string, Json> = {
  '/api/v1/reports/{trackingCode}/sms-opt-out': {
    post: {
      operationId: 'optOutOfReportSms',
      tags: TAG,
      summary: 'The reporter turns text messages about this report off',
      parameters: [pathParam('trackingCode')],
      requestBody: body('SmsOptOut'),
      responses: {
        200: answer('Turned off (also when it already was)', 'SmsOptedOut'),
        400: error('Malformed body (fields named)'),
        403: error('The reporter token, or the phone number, does not match'),
        404: error('Unknown tracking code'),
        422: error('Neither a reporter token nor a phone number (fields named)'),
      },
    },
  },
  '/api/v1/sms/inbound': {
    post: {
      operationId: 'smsInboundReply',
      tags: TAG,
      summary: "The SMS gateway passes on a resident's reply; TD / 退订 / STOP opts the number out",
      description:
        'Authenticated by the shared secret in the `x-sms-inbound-token` header (SMS_INBOUND_TOKEN).',
      parameters: [{ name: 'x-sms-inbound-token', in: 'header', required: true, schema: { type: 'string' } }],
      requestBody: body('SmsInbound'),
      responses: {
        200: answer('Taken', 'SmsInboundTaken'),
        400: error('Malformed body (fields named)'),
        401: error('Missing or wrong x-sms-inbound-token'),
        422: error('`from` is not a phone number'),
        503: error('Inbound replies are not configured'),
      },
    },
  },
  '/api/v1/admin/sms': {
    get: {
      operationId: 'admin_list_sms',
      tags: TAG,
      security: bearer,
      summary: 'Recent resident messages (numbers masked) and opt-out counts',
      parameters: [queryParam('limit', 'How many, 1–200 (default 50)')],
      responses: {
        200: answer('Messages, newest first', 'SmsMessageList'),
        401: error('No or expired token'),
        404: error('Not an administrator'),
        422: error('A bad limit or an unknown parameter (fields named)'),
      },
    },
  },
};
