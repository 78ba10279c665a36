/**
 * A server field message as a message key of the pages, with its parameters. A parameter in
 * `keyed` is a code said through a key of the pages (`role` → `admin.role.<code>`); one in
 * `nested` is itself a server message, said the same way.
 */
export interface FieldText {
  key: string;
  params?: Record<string, string>;
  keyed?: Record<string, string>;
  nested?: Record<string, string>;
}

/**
 * One captured part of a message: a plain value (a number, a name, an id: carried as it is), a
 * code with a key prefix (`level:admin.level.`) or a message of its own (`>why`).
 */
type Part = string;

/**
 * The server explains a refused field in English (`{path, message}`); the pages say it in the
 * reader's language. Every message the server can send is here (test/unit/web/field-messages
 * checks it against the server's code); one that is not is shown as the server wrote it, still
 * next to its field. Order matters where one pattern is a special case of another.
 */
const PATTERNS: ReadonlyArray<readonly [RegExp, string, ...Part[]]> = [
  // Presence and shape
  [/^(?:is )?required(?:[,;].*)?$/, 'field.required'],
  [
    /^(?:must not be blank|must be a non-empty string|is required and must be a non-blank string)$/,
    'field.blank',
  ],
  [/^is required and must be true or false$/, 'field.trueOrFalse'],
  [/^expected true or false$/, 'field.trueOrFalse'],
  [/^(?:must be a string|Invalid input: expected string, received \w+)$/, 'field.text'],
  [/^must be an object$/, 'field.object'],
  [/^must be \{ zh, en \}$/, 'field.bilingual'],
  [/^empty$/, 'field.empty'],
  [/^unknown field$/, 'field.unknown'],
  [/^unknown (?:parameter|filter)$/, 'field.unknownParameter'],
  [/^unknown parameter; expected one of (.+)$/, 'field.unknownParameterOneOf', 'options'],
  [
    /^(?:expected one value|expected one non-empty value|give it once, as non-empty text|give this field once, as text)$/,
    'field.once',
  ],
  [/^give it once; list several values comma-separated$/, 'field.onceCommaSeparated'],
  [/^(?:invalid|Invalid input|Invalid string: must match pattern .*)$/, 'field.invalid'],
  // Lengths and numbers (the server's own words and zod's)
  [/^(?:must be )?at least (\d+) characters$/, 'field.tooShort', 'n'],
  [/^Too small: expected string to have >=(\d+) characters?$/, 'field.tooShort', 'n'],
  [/^(?:must be )?at most (\d+) characters$/, 'field.tooLong', 'n'],
  [/^Too big: expected string to have <=(\d+) characters?$/, 'field.tooLong', 'n'],
  [/^Too (?:big|small): expected string to have exactly (\d+) characters?$/, 'field.exactLength', 'n'],
  [/^must be a non-empty text of at most (\d+) characters$/, 'field.textUpTo', 'n'],
  [/^too long$/, 'field.tooLongPlain'],
  [/^URL too long$/, 'field.urlTooLong'],
  [/^Too small: expected array to have >=(\d+) items?$/, 'field.atLeastItems', 'n'],
  [/^Too big: expected array to have <=(\d+) items?$/, 'field.atMostItems', 'n'],
  [/^Too small: expected number to be >=(-?[\d.]+)$/, 'field.atLeastNumber', 'n'],
  [/^Too small: expected number to be >(-?[\d.]+)$/, 'field.moreThan', 'n'],
  [/^Too big: expected number to be <=(-?[\d.]+)$/, 'field.atMostNumber', 'n'],
  [/^Too big: expected number to be <(-?[\d.]+)$/, 'field.lessThan', 'n'],
  [/^Invalid input: expected int, received \w+$/, 'field.integer'],
  [/^Invalid input: expected (\w+), received \w+$/, 'field.wrongType', 'type:field.type.'],
  [/^Invalid input: expected .+$/, 'field.invalid'],
  [/^must be an integer (?:from|between) (-?\d+) (?:to|and) (-?\d+)$/, 'field.integerRange', 'min', 'max'],
  [/^must be within (-?\d+)\.\.(-?\d+)$/, 'field.numberRange', 'min', 'max'],
  [
    /^(?:Invalid option: expected one of|expected one of|must be one of|not one of) (.+)$/,
    'field.oneOf',
    'options',
  ],
  [/^expected (\w+(?: or \w+)*)$/, 'field.oneOf', 'options'],
  [/^(?:Invalid email address|not an email address)$/, 'field.email'],
  [/^(?:Invalid URL|expected an http or https URL)$/, 'field.url'],
  // Times and dates
  [
    /^(?:Invalid ISO datetime|not a datetime|expected an ISO-8601 time|must be an ISO-8601 date-time with a time zone.*)$/,
    'field.dateTime',
  ],
  [/^expected a W3C datetime such as .*$/, 'field.w3cDateTime'],
  [/^expected YYYY-MM-DD or an ISO-8601 instant$/, 'field.dayOrInstant'],
  [/^expected a day, YYYY-MM-DD \(China Standard Time\)$/, 'field.day'],
  [/^expected YYYY-MM$/, 'field.month'],
  [/^no such date$/, 'field.noSuchDate'],
  [/^no such time$/, 'field.noSuchTime'],
  [/^no such time zone offset$/, 'field.noSuchOffset'],
  [/^must not be before from \((.+)\)$/, 'field.notBeforeFrom', 'from'],
  [/^is before start_date$/, 'field.beforeStart'],
  [/^the period has (\d+) days; export at most (\d+) at a time$/, 'field.exportDays', 'days', 'max'],
  [/^the period has (\d+) days$/, 'field.periodDays', 'days'],
  [/^the range may span at most (\d+) days$/, 'field.rangeDays', 'n'],
  [/^must be later than startsAt$/, 'field.endAfterStart'],
  [/^must be in the future$/, 'field.future'],
  // Durations (a category's time limits)
  [/^must be longer than zero$/, 'field.positiveDuration'],
  [/^(?:not an ISO-8601 duration|ISO-8601 duration must be a string)$/, 'field.duration'],
  [/^Invalid ISO-8601 duration "(.*)": (.+)$/, 'field.durationWhy', 'value', '>why'],
  [/^negative durations are not allowed$/, 'field.duration.negative'],
  [/^must start with 'P' \(e\.g\. PT15M, P5D\)$/, 'field.duration.startP'],
  [/^years and months are not supported.*$/, 'field.duration.yearsMonths'],
  [/^'T' must be followed by hours, minutes or seconds$/, 'field.duration.time'],
  [/^weeks cannot be combined with other units$/, 'field.duration.weeks'],
  [/^expected the form PnDTnHnMnS or PnW.*$/, 'field.duration.form'],
  [/^no components given$/, 'field.duration.empty'],
  // Reports, residents and photos
  [/^at most (\d+) photos$/, 'field.tooManyPhotos', 'n'],
  [/^must have at most (\d+) photos$/, 'field.tooManyPhotos', 'n'],
  [/^(?:not a valid Chinese mobile or landline number|is not a phone number)$/, 'field.phone'],
  [/^give a location \(map pin\) or an address$/, 'field.place'],
  [/^give lat and long, or address_string$/, 'field.place'],
  [/^give lat and long together$/, 'field.latLongTogether'],
  [/^latitude must be between -90 and 90$/, 'field.latitude'],
  [/^longitude must be between -180 and 180$/, 'field.longitude'],
  [/^not a decimal number \(WGS84 degrees.*$/, 'field.degrees'],
  [/^give the rating token, or the phone number/, 'field.ratingProof'],
  [/^give the reporter token, or the phone number/, 'field.optOutProof'],
  [/^(\d+)–(\d+) letters, digits, _ or -$/, 'field.tokenShape', 'min', 'max'],
  [/^does not match$/, 'field.noMatch'],
  [/^the report has no phone number$/, 'field.noPhoneOnReport'],
  [/^no such stored photo$/, 'field.noSuchPhoto'],
  [/^must be an http\(s\) URL on a public host or a stored photo path/, 'field.photoReference'],
  [/^must be an array of photo URLs$/, 'field.photoList'],
  [/^must be a non-blank URL of at most (\d+) characters$/, 'field.photoUrl', 'n'],
  [/^content is not (.+)$/, 'field.contentNot', 'type'],
  [/^category is no longer in use$/, 'field.categoryRetired'],
  [/^(?:unknown category|no such category)$/, 'field.noSuchCategory'],
  [/^unknown category "(.*)"$/, 'field.noSuchCategoryNamed', 'id'],
  [/^not a category code$/, 'field.categoryCode'],
  [/^already used with another body$/, 'field.keyReused'],
  [/^(?:printable ASCII without spaces)$/, 'field.printable'],
  [/^must be (\d+)–(\d+) printable ASCII characters$/, 'field.printableLength', 'min', 'max'],
  // Units, areas, users and tickets
  [/^no such (?:active )?unit$/, 'field.noSuchUnit'],
  [/^no (?:area|unit|grid) "(.*)"$/, 'field.noSuchNamed', 'id'],
  [/^the unit is deactivated$/, 'field.unitDeactivated'],
  [/^no such area$/, 'field.noSuchArea'],
  [/^no such ticket in your scope$/, 'field.noSuchTicket'],
  [/^ticket is (\w+)$/, 'field.ticketIs', 'status:status.'],
  [/^is not a lifecycle action$/, 'field.action'],
  [/^must name another ticket, not this one$/, 'field.notThisTicket'],
  [/^must name a different unit than the one holding the ticket$/, 'field.otherThanHolder'],
  [/^must name a different unit than the one returning the ticket$/, 'field.otherThanReturning'],
  [/^must be later than now$/, 'field.laterThanNow'],
  [/^must be later than the current deadline (.+)$/, 'field.laterThanDeadline', 'deadline'],
  [/^the pending extension request has no valid resolveBy$/, 'field.extensionNoDate'],
  [/^the requested deadline has already passed; refuse it and ask for a new date$/, 'field.extensionPassed'],
  [/^must be an array of ids$/, 'field.ids'],
  [/^is the lead unit; a unit cannot assist itself$/, 'field.assistSelf'],
  [/^only a district has a duty desk$/, 'field.dutyDeskDistrictOnly'],
  [/^a grid must have a boundary$/, 'field.gridBoundary'],
  [/^a district has no parent$/, 'field.districtNoParent'],
  [/^an area cannot be its own parent$/, 'field.ownParent'],
  [/^a (\S+) needs a parent (\S+)$/, 'field.needsParent', 'level:admin.level.', 'parent:admin.level.'],
  [
    /^a (\S+) belongs under a (\S+), not a (\S+)$/,
    'field.belongsUnder',
    'level:admin.level.',
    'parent:admin.level.',
    'actual:admin.level.',
  ],
  [/^a unit member needs a unit$/, 'field.memberNeedsUnit'],
  [/^a (\S+) has no unit$/, 'field.roleNoUnit', 'role:admin.role.'],
  [/^a (\S+) has no area$/, 'field.roleNoArea', 'role:admin.role.'],
  [
    /^a (\S+) needs a (\S+), not a (\S+)$/,
    'field.roleNeedsAreaNot',
    'role:admin.role.',
    'level:admin.level.',
    'actual:admin.level.',
  ],
  [/^a (\S+) needs a (\S+)$/, 'field.roleNeedsArea', 'role:admin.role.', 'level:admin.level.'],
  [/^is taken$/, 'field.taken'],
  [/^is one of the most common passwords; choose another$/, 'field.commonPassword'],
  [/^must not contain the username$/, 'field.passwordHasUsername'],
  [/^is too simple \(too few different characters\)$/, 'field.simplePassword'],
  [/^use (\d+)–(\d+) lower-case letters, digits and dashes$/, 'field.slug', 'min', 'max'],
  [/^use (\d+)–(\d+) lower-case letters, digits, dots, dashes or _$/, 'field.usernameShape', 'min', 'max'],
  [
    /^use (\d+)–(\d+) characters: a lower-case letter, then lower-case letters, digits or _$/,
    'field.codeShape',
    'min',
    'max',
  ],
  [/^must be "(.*)" as in the path, or left out$/, 'field.idAsPath', 'id'],
  // Planned works and webhooks
  [/^give either gridIds or polygon \(one of the two\)$/, 'field.gridsOrPolygon'],
  [/^only a unit's own endpoint may receive personal data$/, 'field.personalDataOwnUnit'],
  [/^must be pending, delivered or failed$/, 'field.deliveryState'],
  [/^unknown status$/, 'field.unknownStatus'],
  [/^unknown status "(.*)"; expected (.+)$/, 'field.unknownStatusOneOf', 'value', 'options'],
  // Calendars
  [/^unknown time zone '(.*)'$/, 'field.unknownZone', 'zone'],
  [/^cannot read the UTC offset of '(.*)'$/, 'field.zoneOffset', 'zone'],
  [/^'(.*)' has daylight-saving time.*$/, 'field.zoneDaylightSaving', 'zone'],
  [/^must be an IANA time zone such as 'Asia\/Shanghai'$/, 'field.ianaZone'],
  [/^must be an array of \{ date: 'YYYY-MM-DD', name \}$/, 'field.calendar.days'],
  [/^must be \{ date: 'YYYY-MM-DD', name \}$/, 'field.calendar.day'],
  [/^must be an array of 'YYYY-MM-DD' dates$/, 'field.calendar.dates'],
  [/^must be a real date 'YYYY-MM-DD'$/, 'field.realDate'],
  [/^(.+) is not in (\d+)$/, 'field.dateNotInYear', 'date', 'year'],
  [/^duplicate date (.+)$/, 'field.duplicateDate', 'date'],
  [/^must be an array of years$/, 'field.calendar.years'],
  [/^must be \{ year, holidays, makeUpWorkdays \}$/, 'field.calendar.year'],
  [/^must be a year from (\d+) to (\d+)$/, 'field.yearRange', 'min', 'max'],
  [/^(.+) is listed twice$/, 'field.listedTwice', 'value'],
  [/^must be 'official' or 'reconstructed'$/, 'field.calendar.status'],
  [/^(.+) is also listed as a holiday$/, 'field.alsoHoliday', 'date'],
  [/^(.+) is already a working weekday; a make-up day must be a day off$/, 'field.alreadyWorkday', 'date'],
  [/^must be a non-empty array of \{ start, end \}$/, 'field.calendar.hours'],
  [/^must be \{ start: 'HH:MM', end: 'HH:MM' \}$/, 'field.calendar.period'],
  [/^must be a time HH:MM \(00:00–(\d\d:\d\d)\)$/, 'field.clockTime', 'max'],
  [/^must be after start (.+)$/, 'field.afterStart', 'start'],
  [/^must not be before the end of the previous period$/, 'field.afterPrevious'],
  [/^must be a non-empty array of ISO weekdays 1–7$/, 'field.weekdays'],
  [/^must be an ISO weekday 1 \(Mon\) – 7 \(Sun\)$/, 'field.weekday'],
  [/^duplicate weekday (.+)$/, 'field.duplicateWeekday', 'day'],
  // Boundaries (GeoJSON polygons)
  [/^must be a GeoJSON Polygon object$/, 'field.polygon.object'],
  [/^must be 'Polygon'$/, 'field.polygon.type'],
  [/^must be a non-empty array of linear rings$/, 'field.polygon.rings'],
  [/^must have at most (\d+) rings$/, 'field.polygon.maxRings', 'n'],
  [/^must be an array of positions$/, 'field.polygon.positions'],
  [/^must have at least 4 positions \(a closed triangle\)$/, 'field.polygon.minPositions'],
  [/^must have at most (\d+) positions$/, 'field.polygon.maxPositions', 'n'],
  [/^must be closed: the last position must equal the first$/, 'field.polygon.closed'],
  [/^must be a position \[lng, lat\] of exactly 2 numbers$/, 'field.polygon.position'],
  [/^must contain finite numbers$/, 'field.polygon.finite'],
  [/^longitude \(first number\) must be within \[-180, 180\]$/, 'field.polygon.longitude'],
  [/^latitude \(second number\) must be within \[-90, 90\]$/, 'field.polygon.latitude'],
  [/^must have at least 3 distinct corners$/, 'field.polygon.corners'],
  [/^edges (\S+) and (\S+) overlap \(zero-width spike\)$/, 'field.polygon.spike', 'a', 'b'],
  [/^must not intersect itself: edges (\S+) and (\S+) cross or touch$/, 'field.polygon.crossing', 'a', 'b'],
  [/^…and (\d+) more problems$/, 'field.moreProblems', 'n'],
  // The joint committee: meetings, their decisions and activities
  [/^required for (\w+)$/, 'field.committee.requiredFor', 'kind'],
  [/^not taken by (\w+)$/, 'field.committee.notTakenBy', 'kind'],
  [/^"(.*)" is not a member unit of this committee$/, 'field.committee.notMember', 'value'],
  [/^the committee has no member units yet$/, 'field.committee.noMembers'],
  [/^no project "(.*)" in this committee$/, 'field.committee.noProject', 'value'],
  [/^the project is (\w+), not proposed$/, 'field.committee.notProposed', 'status'],
  [/^the project is (\w+) already$/, 'field.committee.projectFinished', 'status'],
  [/^the unit takes part in the project already$/, 'field.committee.alreadyTakesPart'],
  [/^the project has no milestone "(.*)"$/, 'field.committee.noMilestone', 'value'],
  [/^expected an ISO-8601 instant$/, 'field.dateTime'],
  [/^must not be in the future$/, 'field.notFuture'],
  [/^a unit’s staff organise for their own unit$/, 'field.committee.ownUnit'],
  [/^name the member unit that organises it$/, 'field.committee.nameOrganiser'],
  [/^no resource "(.*)" in this committee$/, 'field.committee.noResource', 'value'],
  [/^"(.*)" is no venue$/, 'field.committee.noVenue', 'value'],
  [
    /^booked from (.+) to (.+) by another activity \((.*)\)$/,
    'field.committee.venueBooked',
    'from',
    'to',
    'title',
  ],
  // The joint committee: needs, resources and projects
  [/^no community "(.*)"$/, 'field.committee.noCommunity', 'value'],
  [/^between -90 and 90$/, 'field.latitude'],
  [/^between -180 and 180$/, 'field.longitude'],
  [/^not a real date$/, 'field.noSuchDate'],
  [/^a date as YYYY-MM-DD$/, 'field.committee.date'],
  [/^one of (.+)$/, 'field.oneOf', 'options'],
  [/^at least (-?\d+)$/, 'field.atLeastNumber', 'n'],
  [/^at most (-?\d+)$/, 'field.atMostNumber', 'n'],
  [/^give the device id or a phone number$/, 'field.committee.deviceOrPhone'],
  [/^not a community in your scope$/, 'field.committee.communityOutOfScope'],
  [/^no need "(.*)" in your scope$/, 'field.committee.noNeedInScope', 'value'],
  [/^1 to 5$/, 'field.committee.score'],
  [/^no need "(.*)" in this community$/, 'field.committee.noNeed', 'value'],
  [/^the need is (\w+); accept it first$/, 'field.committee.acceptNeedFirst', 'status:committee.needStatus.'],
  [/^no resource "(.*)" near this community$/, 'field.committee.noResourceNear', 'value'],
  [/^only (\d+) left$/, 'field.committee.onlyLeft', 'n'],
  [/^not a member unit of this joint committee$/, 'field.committee.notMemberUnit'],
  [/^already the lead unit$/, 'field.committee.alreadyLead'],
  [/^a community your unit serves$/, 'field.committee.ownCommunity'],
  [/^not before availableFrom$/, 'field.committee.notBeforeAvailable'],
  [/^approved projects use (\d+) of it already$/, 'field.committee.capacityInUse', 'n'],
  [/^approved projects use it in its community$/, 'field.committee.communityInUse'],
  [/^a need cannot be merged into itself$/, 'field.committee.mergeSelf'],
  [/^the other need is in another community$/, 'field.committee.mergeOtherCommunity'],
  [
    /^the other need is (\w+); merge only into an open or accepted need$/,
    'field.committee.mergeTarget',
    'status:committee.needStatus.',
  ],
  // The request itself (other systems' clients meet these; the pages send well-formed requests)
  [/^(?:a field name contains|contains) a NUL character$/, 'field.nul'],
  [/^malformed percent-encoding$/, 'field.percentEncoding'],
  [/^malformed JSON$/, 'field.json'],
  [/^expected a JSON object$/, 'field.jsonObject'],
  [/^not valid for its Content-Encoding$/, 'field.encoding'],
  [
    /^(?:send the fields as application\/x-www-form-urlencoded|not a readable application\/x-www-form-urlencoded body in UTF-8)$/,
    'field.formEncoding',
  ],
  [/^too many fields$/, 'field.tooManyFields'],
  [/^no service here has attributes \(metadata is false\)$/, 'field.noAttributes'],
  [/^at most (\d+) ids at once$/, 'field.atMostIds', 'n'],
  [/^"(.*)" is not a request id$/, 'field.notRequestId', 'value'],
  [/^"(.*)" is not a service code$/, 'field.notServiceCode', 'value'],
  [/^unknown service "(.*)"; see services\.json$/, 'field.notServiceCode', 'value'],
  [/^"(.*)" is neither open nor closed$/, 'field.openOrClosed', 'value'],
  [/^not a token given by this endpoint$/, 'field.notToken'],
  [/^required to file a request; ask the district administrator for one$/, 'field.apiKeyRequired'],
  [/^not a key issued here$/, 'field.apiKeyUnknown'],
  [/^this key has been revoked$/, 'field.apiKeyRevoked'],
];

export function fieldText(message: string): FieldText | null {
  for (const [pattern, key, ...parts] of PATTERNS) {
    const m = pattern.exec(message);
    if (!m) continue;
    const params: Record<string, string> = {};
    const keyed: Record<string, string> = {};
    const nested: Record<string, string> = {};
    parts.forEach((part, i) => {
      const value = m[i + 1] ?? '';
      const [name, prefix] = part.split(':') as [string, string | undefined];
      if (name.startsWith('>')) nested[name.slice(1)] = value;
      else params[name] = value;
      if (prefix !== undefined) keyed[name] = `${prefix}${value}`;
    });
    return {
      key,
      ...(Object.keys(params).length > 0 && { params }),
      ...(Object.keys(keyed).length > 0 && { keyed }),
      ...(Object.keys(nested).length > 0 && { nested }),
    };
  }
  return null;
}

/**
 * A server field message in one language: `say(key)` gives that language's text for a key (or
 * undefined). A code the pages cannot name, or a nested message they do not know, is carried as
 * the server wrote it.
 */
export function sayFieldMessage(message: string, say: (key: string) => string | undefined): string {
  const known = fieldText(message);
  const template = known ? say(known.key) : undefined;
  if (!known || template === undefined) return message;
  const params: Record<string, string> = { ...known.params };
  for (const [name, key] of Object.entries(known.keyed ?? {})) params[name] = say(key) ?? params[name]!;
  for (const [name, inner] of Object.entries(known.nested ?? {})) params[name] = sayFieldMessage(inner, say);
  return Object.entries(params).reduce((text, [k, v]) => text.replaceAll(`{${k}}`, v), template);
}
