/**
 * Working calendars: office hours, public holidays and 调休, and office-time arithmetic.
 */

export { type CalendarValidation, validateCalendar } from './calendar.schema';
export {
  type CalendarDay,
  type CalendarDefinition,
  type CalendarDefinitionValidation,
  type CalendarYear,
  DISTRICT_CALENDAR_ID,
  defaultCalendarDefinition,
  fixedOffsetMinutes,
  toWorkingCalendar,
  validateCalendarDefinition,
} from './calendar-definition';
export { CHINA_2026 } from './data/china-2026';
export { CHINA_2027 } from './data/china-2027';
export { CHINA_HOLIDAY_YEARS, chinaCalendar, DEFAULT_CALENDAR } from './default-calendar';
export {
  DISTRICT_TIME_ZONE,
  DISTRICT_UTC_OFFSET,
  DISTRICT_UTC_OFFSET_MINUTES,
  districtDateTime,
  districtDay,
  districtInstant,
  districtWallClock,
} from './district-time';
export { type FestivalArrangement, type HolidayYear, holidayDates, makeUpDates } from './holiday-year';
export {
  DEFAULT_OFFICE_HOURS,
  MONDAY_TO_FRIDAY,
  type OfficePeriod,
  type WorkingCalendar,
} from './working-calendar';
export { addWorkingDays, isWorkingDay } from './working-days';
export {
  addWorkingTime,
  isWorkingInstant,
  nextWorkingInstant,
  officeMsPerDay,
  workingTimeBetween,
} from './working-time';
