export const taskStrings = {
  vi: {
    title: 'Việc cần làm',
    titleCount: 'Việc cần làm ({n})',
    none: 'Không có việc nào đang chờ bạn.',
    deadline: 'Hạn: {date}',
    overdue: 'Quá hạn',
    overdueCount: '{n} việc quá hạn',
    badge: '{n} việc cần làm',
    open: 'Làm ngay',
  },
  en: {
    title: 'To do',
    titleCount: 'To do ({n})',
    none: 'Nothing is waiting for you.',
    deadline: 'Due: {date}',
    overdue: 'Overdue',
    overdueCount: '{n} overdue',
    badge: '{n} tasks to do',
    open: 'Open',
  },
};
