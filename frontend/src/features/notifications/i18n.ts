export const notificationStrings = {
  vi: {
    bell: 'Thông báo',
    bellUnread: 'Thông báo: {n} chưa đọc',
    title: 'Thông báo của đơn vị',
    none: 'Chưa có thông báo.',
    unread: 'Chưa đọc',
    markAll: 'Đánh dấu đã đọc tất cả',
  },
  en: {
    bell: 'Notifications',
    bellUnread: 'Notifications: {n} unread',
    title: "Your unit's notifications",
    none: 'No notifications yet.',
    unread: 'Unread',
    markAll: 'Mark all as read',
  },
};
