import { getLocale, setLocale } from '@dongbi/editor'
import './styles.css'
import './review/review.css'
import './formatCheck/formatCheck.css'
import './components/dongbi-app.ts'

setLocale(getLocale())
