// The date picker's own chunk (≈ 31 KB gzipped with dayjs' picker parts), fetched by `LazyDatePicker`.
export { DatePicker } from 'antd';
