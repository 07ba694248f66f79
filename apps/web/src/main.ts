import { getLocale, setLocale } from '@dongbi/editor'
import './styles.css'
import './review/review.css'
import './templates/templates.css'
import './assignments/assignments.css'
import './search/search.css'
import './journal/journal.css'
import './formatCheck/formatCheck.css'
import './components/dongbi-app.ts'

setLocale(getLocale())
