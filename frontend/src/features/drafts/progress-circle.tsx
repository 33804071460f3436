/**
 * The kit's circular progress (96 px, its colours and class names) drawn as a plain SVG: the plan page shows one,
 * and antd's Progress with its tooltip is ≈ 6 KB gzipped more on that page.
 */
export function ProgressCircle({ percent, label, text }: { percent: number; label: string; text: string }) {
  const value = Math.max(0, Math.min(100, percent));
  const r = 47;
  const length = 2 * Math.PI * r;
  const done = value >= 100;
  return (
    <div className={`ant-progress ant-progress-circle ant-progress-status-${done ? 'success' : 'normal'}`} role="progressbar" aria-label={label}
      aria-valuenow={value} aria-valuemin={0} aria-valuemax={100} style={{ position: 'relative', display: 'inline-block', width: 96, height: 96, lineHeight: 1 }}>
      <svg viewBox="0 0 100 100" width={96} height={96} style={{ transform: 'rotate(-90deg)' }} aria-hidden="true">
        <circle cx={50} cy={50} r={r} fill="none" stroke="rgba(0, 0, 0, 0.06)" strokeWidth={6} />
        {value > 0 && (
          <circle cx={50} cy={50} r={r} fill="none" stroke={done ? '#237804' : '#0958d9'} strokeWidth={6} strokeLinecap="round"
            strokeDasharray={`${(length * value) / 100} ${length}`} style={{ transition: 'stroke-dasharray 0.3s ease 0s' }} />
        )}
      </svg>
      <span style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: 20.4, color: 'rgba(0, 0, 0, 0.88)', whiteSpace: 'normal' }}>{text}</span>
    </div>
  );
}
