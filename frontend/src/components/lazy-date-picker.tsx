import { Input, type DatePickerProps } from 'antd';
import { useEffect, useRef, useState } from 'react';

type Picker = (typeof import('./date-picker-impl'))['DatePicker'];
let loaded: Picker | null = null;
let loading: Promise<Picker> | null = null;
const loadDatePicker = () => (loading ??= import('./date-picker-impl').then((m) => (loaded = m.DatePicker)));

/**
 * antd's DatePicker, fetched when a date field is first shown (in a dialog, on a form) rather than with the page.
 * Until it arrives (one request, started on mount) the field is an enabled read-only box showing the value in the
 * same format, with the same id, label and placeholder; it takes focus and hands it to the picker.
 */
export function LazyDatePicker(props: DatePickerProps) {
  const [Picker, setPicker] = useState<Picker | null>(() => loaded);
  const focused = useRef(false);
  useEffect(() => {
    if (!Picker) void loadDatePicker().then((p) => setPicker(() => p));
  }, [Picker]);
  if (Picker) return <Picker {...props} autoFocus={props.autoFocus || focused.current} />;
  const { id, value, format, placeholder, disabled, style } = props;
  return (
    <Input
      id={id} readOnly disabled={disabled} style={style} aria-label={props['aria-label']}
      value={value && !Array.isArray(value) && typeof format === 'string' ? value.format(format) : ''}
      placeholder={typeof placeholder === 'string' ? placeholder : undefined}
      onFocus={() => void (focused.current = true)} onBlur={() => void (focused.current = false)}
    />
  );
}
