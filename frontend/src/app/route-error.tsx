import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Last-resort error screen (no UI kit: it must render even when a chunk failed to load). */
export function RouteError() {
  const error = useRouteError();
  const chunk = error instanceof Error && /dynamically imported module|Failed to fetch|Loading chunk/i.test(error.message);
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 48, maxWidth: 640, margin: '0 auto' }}>
      <h1 style={{ color: '#7f0000' }}>{isRouteErrorResponse(error) && error.status === 404 ? 'Không tìm thấy trang' : 'Đã có lỗi khi hiển thị trang'}</h1>
      <p>{chunk ? 'Ứng dụng vừa được cập nhật. Vui lòng tải lại trang.' : 'Vui lòng tải lại trang. Nếu lỗi lặp lại, hãy báo quản trị viên.'}</p>
      <button type="button" onClick={() => window.location.reload()}>Tải lại trang</button>
    </main>
  );
}
