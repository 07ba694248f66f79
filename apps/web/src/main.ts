import { getLocale, setLocale } from '@dongbi/editor'
import './styles.css'
import './review/review.css'
import './journal/journal.css'
import './components/dongbi-app.ts'

setLocale(getLocale())
