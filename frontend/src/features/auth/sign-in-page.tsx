import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '@/api/client';
import { paths } from '@/lib/paths';
import { useLocale, useT } from '@/i18n/i18n';
import { useSignIn } from './api/sign-in';
import { authStrings } from './i18n';
import './sign-in.css';

/** Deliberately free of the UI kit: the first page loads fast on any connection. */
export function SignInPage() {
  const t = useT(authStrings);
  const { locale, setLocale } = useLocale();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  // Too many wrong passwords: the server says how long to wait (429 + Retry-After); count it down.
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const waitLeft = Math.max(0, Math.ceil((waitUntil - now) / 1000));
  useEffect(() => {
    if (waitUntil <= Date.now()) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [waitUntil]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = { email: email.trim() ? undefined : t('emailRequired'), password: password ? undefined : t('passwordRequired') };
    setErrors(next);
    if (next.email || next.password) return;
    signIn.mutate({ email: email.trim(), password }, {
      onError: (err) => {
        if (err instanceof ApiError && err.status === 429 && err.retryAfter) {
          const at = Date.now();
          setNow(at);
          setWaitUntil(at + err.retryAfter * 1000);
        }
      },
      onSuccess: () => {
        const target = params.get('next');
        navigate(target && target.startsWith('/') && !target.startsWith('//') ? target : paths.home.getHref(), { replace: true });
      },
    });
  };

  const serverError = signIn.error instanceof ApiError ? signIn.error : signIn.error ? new ApiError(0, 'unknown', String(signIn.error)) : null;

  return (
    <main className="signin">
      <form className="signin-card" onSubmit={submit} noValidate aria-labelledby="signin-title">
        <div className="signin-brand">
          <img src="/favicon.svg" alt="" />
          <h1 id="signin-title">{t('appName')}</h1>
        </div>
        <p className="signin-tagline">{t('appTagline')}</p>
        <label htmlFor="email">{t('email')}</label>
        <input id="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)}
          aria-invalid={!!(errors.email || serverError?.fields?.email)} autoFocus />
        {(errors.email || serverError?.fields?.email) && <div className="field-error">{errors.email ?? `${t('email')} ${serverError?.fields?.email}`}</div>}
        <label htmlFor="password">{t('password')}</label>
        <input id="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)}
          aria-invalid={!!errors.password} />
        {errors.password && <div className="field-error">{errors.password}</div>}
        {serverError && !serverError.fields && (
          <div className="alert" role="alert">{serverError.status === 429 && waitLeft > 0 ? t('wait', { seconds: waitLeft }) : serverError.message}</div>
        )}
        <button type="submit" disabled={signIn.isPending || waitLeft > 0}>
          {signIn.isPending ? t('submitting') : waitLeft > 0 ? t('waiting', { seconds: waitLeft }) : t('submit')}
        </button>
        <div className="signin-foot">
          <span>{t('hint')}</span>
          <button type="button" onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}>{t('common.language')}</button>
        </div>
      </form>
    </main>
  );
}

export { SignInPage as Component };
