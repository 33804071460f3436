/** An instant as a clock in Hà Nội shows it, with a four-digit year: "17:00 21/12/2026" (never "21/12/26"). */
const vnDateTimeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

export const vnDateTime = (d: Date): string => vnDateTimeFormat.format(d);
