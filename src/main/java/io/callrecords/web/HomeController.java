package io.callrecords.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page is the dashboard. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "redirect:/dashboard";
    }
}
