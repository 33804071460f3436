import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

export type Notification = Schemas['NotificationDto'];

export const notificationKeys = { all: ['notifications'] as const };

/** The unit's notifications (newest first), polled every minute while the app is open. */
export const useNotifications = (enabled: boolean) =>
  useQuery({ queryKey: notificationKeys.all, queryFn: () => unwrap(api.GET('/api/notifications')), enabled, refetchInterval: 60_000, staleTime: 30_000 });

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: (n) => qc.setQueryData<Notification[]>(notificationKeys.all, (list) => list?.map((x) => (x.id === n.id ? n : x))),
  });
}
