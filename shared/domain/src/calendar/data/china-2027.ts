import type { HolidayYear } from '../holiday-year';

/**
 * China, 2027 — RECONSTRUCTED, NOT OFFICIAL.
 *
 * The State Council notice for 2027 (normally published in November of the year before) was not
 * found in any material available when this file was written. These dates are a best guess and
 * must be replaced by the notice (国务院办公厅关于2027年部分节假日安排的通知) once it is out.
 *
 * How it was built:
 * - Lunar/solar dates: 除夕 Fri 2027-02-05, 春节 Sat 02-06, 清明 Mon 04-05, 端午 Wed 06-09,
 *   中秋 Wed 09-15 (端午 and 中秋 as computed by Node's ICU Chinese calendar). Beware: ICU puts
 *   正月初一 on 02-07, but the new moon falls only minutes before midnight Beijing time on 02-06
 *   (the annular eclipse of 2027-02-06 peaks about 15:59 UTC), which makes 02-06 the first day
 *   under the Chinese rule, as commonly listed. If 春节 were 02-07, 除夕 would be Sat 02-06.
 * - Rules of 《全国年节及纪念日放假办法》 as revised in 2024 (13 statutory days; 春节 from 除夕,
 *   8 days with 调休; 劳动节 5 days; 国庆节 7 days; 元旦/清明/端午/中秋 join the weekend; at most
 *   2 make-up days per festival, not back to back — as recalled, not re-read from the text) and
 *   2021, which had the same weekdays: 国庆节 2021 was arranged exactly like this; 劳动节 2021 had
 *   the same 05-01…05-05 block but two make-up days, when it was only one statutory day.
 * - Least certain: whether 春节 runs 02-05…02-14 (10 days, as here) or is cut shorter, and which
 *   weekend days are worked (here Sun 01-31, Sat 02-20, Sat 05-08, Sun 09-26, Sat 10-09).
 */
export const CHINA_2027: HolidayYear = {
  year: 2027,
  status: 'reconstructed',
  source: 'reconstruction from the 2024 holiday rules; no 2027 State Council notice available',
  festivals: [
    // Fri–Sun; no make-up day needed.
    { name: '元旦', from: '2027-01-01', to: '2027-01-03', makeUpWorkdays: [] },
    // 除夕 Fri 02-05 + 8 days with 调休 reaches Fri 02-12, joined by the weekend.
    { name: '春节', from: '2027-02-05', to: '2027-02-14', makeUpWorkdays: ['2027-01-31', '2027-02-20'] },
    // 清明 falls on Monday: Sat–Mon.
    { name: '清明节', from: '2027-04-03', to: '2027-04-05', makeUpWorkdays: [] },
    // May 1–2 fall on the weekend; Mon and Tue replace them, Wednesday is paid back on Sat 05-08.
    { name: '劳动节', from: '2027-05-01', to: '2027-05-05', makeUpWorkdays: ['2027-05-08'] },
    // Mid-week festivals stand alone rather than cost a make-up weekend day.
    { name: '端午节', from: '2027-06-09', to: '2027-06-09', makeUpWorkdays: [] },
    { name: '中秋节', from: '2027-09-15', to: '2027-09-15', makeUpWorkdays: [] },
    // Same weekdays as 2021, which was 10-01…10-07 with 09-26 (Sun) and 10-09 (Sat) worked.
    { name: '国庆节', from: '2027-10-01', to: '2027-10-07', makeUpWorkdays: ['2027-09-26', '2027-10-09'] },
  ],
};
