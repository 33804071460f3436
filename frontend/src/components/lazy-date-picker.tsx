import { Input, Space, type DatePickerProps } from 'antd';
import type { RangePickerProps } from 'antd/es/date-picker';
import { useEffect, useRef, useState } from 'react';

type Picker = (typeof import('./date-picker-impl'))['DatePicker'];
let loaded: Picker | null = null;
let loading: Promise<Picker> | null = null;
const loadDatePicker = () => (loading ??= import('./date-picker-impl').then((m) => (loaded = m.DatePicker)));

/** antd's DatePicker once its chunk is here (one request, started on the first mount), null before. */
function usePicker() {
  const [Picker, setPicker] = useState<Picker | null>(() => loaded);
  useEffect(() => {
    if (!Picker) void loadDatePicker().then((p) => setPicker(() => p));
  }, [Picker]);
  return Picker;
}

/**
 * antd's DatePicker, fetched when a date field is first shown (in a dialog, on a form) rather than with the page.
 * Until it arrives (one request, started on mount) the field is an enabled read-only box showing the value in the
 * same format, with the same id, label and placeholder; it takes focus and hands it to the picker.
 */
export function LazyDatePicker(props: DatePickerProps) {
  const Picker = usePicker();
  const focused = useRef(false);
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

/** antd's RangePicker, fetched as `LazyDatePicker` is; until then two read-only boxes labelled and formatted as its own. */
export function LazyRangePicker(props: RangePickerProps) {
  const Picker = usePicker();
  const focused = useRef(false);
  if (Picker) return <Picker.RangePicker {...props} autoFocus={props.autoFocus || focused.current} />;
  const { value, format, placeholder, disabled } = props;
  const shown = (i: 0 | 1) => (value?.[i] && typeof format === 'string' ? value[i].format(format) : '');
  const track = { onFocus: () => void (focused.current = true), onBlur: () => void (focused.current = false) };
  return (
    <Space.Compact style={props.style}>
      {([0, 1] as const).map((i) => (
        <Input key={i} readOnly disabled={Array.isArray(disabled) ? disabled[i] : disabled} value={shown(i)} placeholder={placeholder?.[i]} aria-label={props['aria-label']} style={{ width: 130 }} {...track} />
      ))}
    </Space.Compact>
  );
}
