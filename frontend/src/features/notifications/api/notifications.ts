import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

export type Notification = Schemas['NotificationDto'];
export type NotificationSettings = Schemas['NotificationSettingsDto'];
export type EmailMode = NotificationSettings['emailMode'];

export const notificationKeys = { all: ['notifications'] as const, settings: ['notifications', 'settings'] as const };

/** The person's notifications (unread first, then newest), polled every minute while the app is open. */
export const useNotifications = (enabled = true) =>
  useQuery({ queryKey: notificationKeys.all, queryFn: () => unwrap(api.GET('/api/notifications')), enabled, refetchInterval: 60_000, staleTime: 30_000 });

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: (n) => qc.setQueryData<Notification[]>(notificationKeys.all, (list) => list?.map((x) => (x.id === n.id ? n : x))),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/notifications/read-all')),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all, exact: true }),
  });
}

export const useNotificationSettings = () =>
  useQuery({ queryKey: notificationKeys.settings, queryFn: () => unwrap(api.GET('/api/notifications/settings')) });

export function useUpdateNotificationSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (emailMode: EmailMode) => unwrap(api.PATCH('/api/notifications/settings', { body: { emailMode } })),
    onSuccess: (s) => qc.setQueryData(notificationKeys.settings, s),
  });
}
